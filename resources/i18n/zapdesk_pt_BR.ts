<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>MainWindow</name>
    <message>
        <source>zapdesk</source>
        <translation>zapdesk</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <source>Demo mode: a local ZapFlare sandbox is running</source>
        <translation>Modo demonstração: um sandbox local do ZapFlare está em execução</translation>
    </message>
    <message>
        <source>Server: {url}
Demo login: {email} / {password}

The instance console arrives in the next version.</source>
        <translation>Servidor: {url}
Login de demonstração: {email} / {password}

O console de instâncias chega na próxima versão.</translation>
    </message>
    <message>
        <source>zapdesk could not start</source>
        <translation>O zapdesk não pôde iniciar</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>The demo server could not start: {error}</source>
        <translation>O servidor de demonstração não pôde iniciar: {error}</translation>
    </message>
</context>
</TS>
