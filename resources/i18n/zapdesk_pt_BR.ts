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
    <name>errors</name>
    <message>
        <source>Something went wrong: {detail}</source>
        <translation>Algo deu errado: {detail}</translation>
    </message>
    <message>
        <source>The server refused the request: {detail}</source>
        <translation>O servidor recusou a solicitação: {detail}</translation>
    </message>
    <message>
        <source>Sign in again: the server did not accept the credentials ({detail}).</source>
        <translation>Entre novamente: o servidor não aceitou as credenciais ({detail}).</translation>
    </message>
    <message>
        <source>Not allowed: {detail}</source>
        <translation>Não permitido: {detail}</translation>
    </message>
    <message>
        <source>Your plan&apos;s instance limit is reached: {detail}. Delete an instance or upgrade the plan.</source>
        <translation>O limite de instâncias do seu plano foi atingido: {detail}. Exclua uma instância ou mude de plano.</translation>
    </message>
    <message>
        <source>The server refused {field}: {detail}</source>
        <translation>O servidor recusou {field}: {detail}</translation>
    </message>
    <message>
        <source>Not found: it may have been deleted ({detail}).</source>
        <translation>Não encontrado: talvez tenha sido excluído ({detail}).</translation>
    </message>
    <message>
        <source>Conflict: {detail}</source>
        <translation>Conflito: {detail}</translation>
    </message>
    <message>
        <source>Too many requests: try again in {retry_after} s.</source>
        <translation>Muitas solicitações: tente de novo em {retry_after} s.</translation>
    </message>
    <message>
        <source>The server failed (HTTP {status}): {detail}</source>
        <translation>O servidor falhou (HTTP {status}): {detail}</translation>
    </message>
    <message>
        <source>The server sent an answer zapdesk does not understand: {detail}</source>
        <translation>O servidor enviou uma resposta que o zapdesk não entende: {detail}</translation>
    </message>
    <message>
        <source>Cannot reach the server: {detail}</source>
        <translation>Não foi possível alcançar o servidor: {detail}</translation>
    </message>
    <message>
        <source>The server refused the connection ({detail}). Check the server address.</source>
        <translation>O servidor recusou a conexão ({detail}). Verifique o endereço do servidor.</translation>
    </message>
    <message>
        <source>The server did not answer in time ({detail}).</source>
        <translation>O servidor não respondeu a tempo ({detail}).</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted ({detail}).</source>
        <translation>O certificado do servidor não é confiável ({detail}).</translation>
    </message>
    <message>
        <source>The name must have {min} to {max} characters (it has {length}).</source>
        <translation>O nome deve ter de {min} a {max} caracteres (tem {length}).</translation>
    </message>
    <message>
        <source>{field} must be a full http:// or https:// address: {detail}</source>
        <translation>{field} deve ser um endereço completo http:// ou https://: {detail}</translation>
    </message>
    <message>
        <source>“{number}” is not a valid phone number. Type it with the area code, e.g. (11) 99999-9999, or with the country code, e.g. +55 11 99999-9999.</source>
        <translation>“{number}” não é um número de telefone válido. Digite com o DDD, por exemplo (11) 99999-9999, ou com o código do país, por exemplo +55 11 99999-9999.</translation>
    </message>
    <message>
        <source>The message must not be empty and may have up to {max} characters (it has {length}).</source>
        <translation>A mensagem não pode ficar vazia e pode ter até {max} caracteres (tem {length}).</translation>
    </message>
    <message>
        <source>No secure password storage (keyring) is available on this computer: {detail}</source>
        <translation>Nenhum armazenamento seguro de senhas (chaveiro) está disponível neste computador: {detail}</translation>
    </message>
    <message>
        <source>Account problem: {detail}</source>
        <translation>Problema na conta: {detail}</translation>
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
