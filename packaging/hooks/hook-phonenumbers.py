# Replaces pyinstaller-hooks-contrib's hook, which takes every phonenumbers submodule (the
# library loads its per-region metadata by name). zapdesk parses, validates and formats
# numbers (zapdesk/core/phone.py) and never asks for a number's place, carrier or time
# zone: those tables (geodata, carrierdata, tzdata; 4.6 MB of the bundle) stay out.
from PyInstaller.utils.hooks import collect_submodules

UNUSED = {"geocoder", "geodata", "carrier", "carrierdata", "timezone", "tzdata", "prefix"}


def wanted(name: str) -> bool:
    parts = name.split(".")
    return len(parts) < 2 or parts[1] not in UNUSED


hiddenimports = collect_submodules("phonenumbers", filter=wanted)
