"""ICU's data library cut down to the languages zapdesk ships (Linux bundle only).

The PySide6 wheel's QtCore links libicudata.so.NN: 31 MB of locale data for ~800 locales,
collation and legacy character-set tables, of which zapdesk needs the root, English and
Portuguese parts. This takes the data out of the library (the `icudtNN_dat` symbol),
removes what nothing in the bundle can reach with `icupkg` (Debian: icu-devtools), and
links a library with the same soname and symbol around the rest (gcc).

What can be reached: Qt is the only user of ICU in the bundle, and QtCore calls only case
mapping (u_strTo*), collation (ucol_*), calendars and time-zone names (ucal_*) and
converters (ucnv_*): `nm -D --undefined-only libQt6Core.so.6 | grep _73`. Qt formats
dates, numbers and currencies from its own CLDR copy. So out go the other locales, the
legacy codepage tables (*.cnv; UTF-8/16/32 and Latin-1 are built into ICU), and the
services Qt never calls: break iteration with its dictionaries (brkitr/, 3.4 MB; Qt
breaks text itself), transliteration (translit/, unames.icu), language, currency and unit
display names (lang/, curr/, unit/), spelled-out numbers (rbnf/), StringPrep, IDNA and
spoof checking (*.spp, uts46.nrm, confusables.cfu). Region and zone names stay: ICU's
time-zone names use them. Checked on the running app (the demo with its conversations,
pictures and QR code, in English and Portuguese): the pages of this library present in
/proc/PID/pagemap are the package's table of contents (with the 64 KiB the kernel maps
around a fault) and one page of zoneinfo64.res; not a page of collation or zone names.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

KEEP_LANGUAGES = ("en", "pt")
LOCALE_ITEM = re.compile(r"^([a-z]{2,3})(_[A-Za-z0-9_]*)?\.res$")
UNREACHED_TREES = ("brkitr", "translit", "lang", "curr", "unit", "rbnf")
UNREACHED_FILES = ("unames.icu", "uts46.nrm", "confusables.cfu")


def trim(library: Path, work: Path) -> Path:
    """A trimmed copy of ``library`` (libicudata.so.NN) in ``work``; returns its path."""
    work.mkdir(parents=True, exist_ok=True)
    symbols = subprocess.run(["nm", "-D", "-S", "--defined-only", str(library)],
                             capture_output=True, text=True, check=True).stdout
    found = re.search(r"^([0-9a-f]+) ([0-9a-f]+) R (icudt(\d+)_dat)$", symbols, re.M)
    if found is None:
        raise SystemExit(f"icu_data: no icudtNN_dat symbol in {library}")
    address, size, symbol, version = (int(found.group(1), 16), int(found.group(2), 16),
                                      found.group(3), found.group(4))
    offset = _file_offset(library, address)
    with library.open("rb") as raw:
        raw.seek(offset)
        data = raw.read(size)
    package = f"icudt{version}l"  # the item prefix inside: must stay the same
    full, small = work / "full" / f"{package}.dat", work / "small" / f"{package}.dat"
    for path in (full, small):
        path.parent.mkdir(exist_ok=True)
        path.unlink(missing_ok=True)
    full.write_bytes(data)
    items = subprocess.run(["icupkg", "-l", str(full)], capture_output=True, text=True,
                           check=True).stdout.split()
    removed = [item for item in items if _unneeded(item)]
    listing = work / "removed.txt"
    listing.write_text("\n".join(removed) + "\n")
    subprocess.run(["icupkg", "-r", str(listing), str(full), str(small)], check=True)
    stub = work / "stub.S"
    stub.write_text(f"""    .section .rodata
    .globl {symbol}
    .type {symbol}, @object
    .balign 16
{symbol}:
    .incbin "{small}"
    .size {symbol}, . - {symbol}
    .section .note.GNU-stack,"",@progbits
""")
    out = work / library.name
    subprocess.run(["gcc", "-shared", "-nostdlib", f"-Wl,-soname,{library.name}", "-o",
                    str(out), str(stub)], check=True)
    print(f"icu_data: {library.name} {len(data) >> 20} MB -> {small.stat().st_size >> 20} MB "
          f"({len(removed)} of {len(items)} items removed)")
    return out


def _unneeded(item: str) -> bool:
    """``item`` is a path inside the package: ``pt.res``, ``coll/en.res``..."""
    tree, _, name = item.rpartition("/")
    if tree in UNREACHED_TREES or name in UNREACHED_FILES or name.endswith((".cnv", ".spp")):
        return True
    locale = LOCALE_ITEM.match(name)
    return locale is not None and name not in ("root.res", "pool.res", "res_index.res") \
        and locale.group(1) not in KEEP_LANGUAGES


def _file_offset(library: Path, address: int) -> int:
    sections = subprocess.run(["readelf", "-S", "-W", str(library)], capture_output=True,
                              text=True, check=True).stdout
    for line in sections.splitlines():
        fields = line.split("]", 1)[-1].split()
        if len(fields) >= 5 and fields[0] == ".rodata":
            start, offset, size = (int(fields[2], 16), int(fields[3], 16),
                                   int(fields[4], 16))
            if start <= address < start + size:
                return offset + address - start
    raise SystemExit(f"icu_data: the data symbol is not in {library}'s .rodata")
