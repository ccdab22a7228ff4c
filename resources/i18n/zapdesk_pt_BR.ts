<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About zapdesk</source>
        <translation>Sobre o zapdesk</translation>
    </message>
    <message>
        <source>zapdesk {version}</source>
        <translation>zapdesk {version}</translation>
    </message>
    <message>
        <source>An operator console for the WhatsApp numbers of your ZapFlare accounts.</source>
        <translation>Um console de atendimento para os números de WhatsApp das suas contas ZapFlare.</translation>
    </message>
    <message>
        <source>Licence: {licence}</source>
        <translation>Licença: {licence}</translation>
    </message>
    <message>
        <source>Data (messages, drafts)</source>
        <translation>Dados (mensagens, rascunhos)</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Registros (logs)</translation>
    </message>
    <message>
        <source>Settings and accounts</source>
        <translation>Configurações e contas</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Open the folder: {name}</source>
        <translation>Abrir a pasta: {name}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
</context>
<context>
    <name>AccountPane</name>
    <message>
        <source>Sign in again…</source>
        <translation>Entrar novamente…</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Tentar agora</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sair da conta</translation>
    </message>
</context>
<context>
    <name>CountdownRing</name>
    <message>
        <source>{seconds} seconds left</source>
        <translation>{seconds} segundos restantes</translation>
    </message>
</context>
<context>
    <name>DeleteDialog</name>
    <message>
        <source>Delete instance</source>
        <translation>Excluir instância</translation>
    </message>
    <message>
        <source>Delete forever</source>
        <translation>Excluir para sempre</translation>
    </message>
    <message>
        <source>&lt;b&gt;This cannot be undone.&lt;/b&gt; Deleting “{name}” removes the instance and all of its data at ZapFlare; its number will have to be linked again from scratch.</source>
        <translation>&lt;b&gt;Isto não pode ser desfeito.&lt;/b&gt; Excluir “{name}” remove a instância e todos os seus dados no ZapFlare; o número terá de ser conectado de novo do zero.</translation>
    </message>
    <message>
        <source>Type the instance&apos;s name exactly to enable Delete forever</source>
        <translation>Digite o nome da instância exatamente para liberar Excluir para sempre</translation>
    </message>
    <message>
        <source>Type the name to confirm</source>
        <translation>Digite o nome para confirmar</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>Excluindo…</translation>
    </message>
</context>
<context>
    <name>DisconnectDialog</name>
    <message>
        <source>Disconnect instance</source>
        <translation>Desconectar instância</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Desconectar</translation>
    </message>
    <message>
        <source>&lt;b&gt;Disconnect “{name}” from WhatsApp?&lt;/b&gt; The number {number} will be unlinked. Only the phone itself can link it again, by scanning a new QR code in WhatsApp (Linked devices). Until then no message is sent or received.</source>
        <translation>&lt;b&gt;Desconectar “{name}” do WhatsApp?&lt;/b&gt; O número {number} será desvinculado. Só o próprio celular poderá vinculá-lo de novo, lendo um novo QR code no WhatsApp (Aparelhos conectados). Até lá, nenhuma mensagem é enviada ou recebida.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Disconnect “{name}” from WhatsApp?&lt;/b&gt; The linking under way stops. Only the phone itself can link a number, by scanning a new QR code in WhatsApp (Linked devices).</source>
        <translation>&lt;b&gt;Desconectar “{name}” do WhatsApp?&lt;/b&gt; A vinculação em andamento para. Só o próprio celular pode vincular um número, lendo um novo QR code no WhatsApp (Aparelhos conectados).</translation>
    </message>
    <message>
        <source>Disconnecting…</source>
        <translation>Desconectando…</translation>
    </message>
</context>
<context>
    <name>ErrorNotice</name>
    <message>
        <source>Details</source>
        <translation>Detalhes</translation>
    </message>
    <message>
        <source>Show the details of this error</source>
        <translation>Mostrar os detalhes deste erro</translation>
    </message>
    <message>
        <source>Error details</source>
        <translation>Detalhes do erro</translation>
    </message>
    <message>
        <source>Hide the details of this error</source>
        <translation>Ocultar os detalhes deste erro</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Working</source>
        <translation>Trabalhando</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Trabalhando…</translation>
    </message>
</context>
<context>
    <name>InstanceDetails</name>
    <message>
        <source>Details</source>
        <translation>Detalhes</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Avançado</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefone</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Mensagens</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Criada em</translation>
    </message>
    <message>
        <source>Instance ID</source>
        <translation>ID da instância</translation>
    </message>
    <message>
        <source>Connection type</source>
        <translation>Tipo de conexão</translation>
    </message>
    <message>
        <source>Webhook address</source>
        <translation>Endereço do webhook</translation>
    </message>
    <message>
        <source>Active at ZapFlare</source>
        <translation>Ativa no ZapFlare</translation>
    </message>
    <message>
        <source>Profile picture</source>
        <translation>Foto do perfil</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Atualizada em</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Copy the instance ID</source>
        <translation>Copiar o ID da instância</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copiado</translation>
    </message>
</context>
<context>
    <name>InstanceDialog</name>
    <message>
        <source>Edit instance</source>
        <translation>Editar instância</translation>
    </message>
    <message>
        <source>New instance</source>
        <translation>Nova instância</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Salvar</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Criar</translation>
    </message>
    <message>
        <source>e.g. Atendimento Principal</source>
        <translation>ex.: Atendimento Principal</translation>
    </message>
    <message>
        <source>{min} to {max} characters.</source>
        <translation>De {min} a {max} caracteres.</translation>
    </message>
    <message>
        <source>Where ZapFlare sends this instance&apos;s messages. zapdesk fills in its own address so they arrive here; change it only to send them to another system.</source>
        <translation>Para onde o ZapFlare envia as mensagens desta instância. O zapdesk preenche o próprio endereço para que elas cheguem aqui; altere só para enviá-las a outro sistema.</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Avançado</translation>
    </message>
    <message>
        <source>Webhook address</source>
        <translation>Endereço do webhook</translation>
    </message>
    <message>
        <source>Type a name for the instance.</source>
        <translation>Digite um nome para a instância.</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Criando…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Salvando…</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Conta</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
</context>
<context>
    <name>InstancePane</name>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Desconectar</translation>
    </message>
    <message>
        <source>Generate new QR code</source>
        <translation>Gerar novo QR code</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Excluir…</translation>
    </message>
</context>
<context>
    <name>LoadingPage</name>
    <message>
        <source>Loading your accounts…</source>
        <translation>Carregando suas contas…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>zapdesk</source>
        <translation>zapdesk</translation>
    </message>
</context>
<context>
    <name>PortDialog</name>
    <message>
        <source>Receive messages on another port</source>
        <translation>Receber mensagens em outra porta</translation>
    </message>
    <message>
        <source>Use this port</source>
        <translation>Usar esta porta</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Porta</translation>
    </message>
    <message>
        <source>The port zapdesk receives messages on, 1 to 65535</source>
        <translation>A porta em que o zapdesk recebe mensagens, de 1 a 65535</translation>
    </message>
    <message>
        <source>zapdesk receives messages from ZapFlare on this computer, at {host}, on the port you choose. It is saved, and your instances are told the new address.</source>
        <translation>O zapdesk recebe as mensagens do ZapFlare neste computador, em {host}, na porta que você escolher. Ela fica salva, e suas instâncias recebem o novo endereço.</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Preferências</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Salvar</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Geral</translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation>O idioma do sistema</translation>
    </message>
    <message>
        <source>A new language applies when zapdesk starts again.</source>
        <translation>O novo idioma vale quando o zapdesk for aberto de novo.</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Seguir o sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Escuro</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Your name as customers and the export see it; empty: your system user&apos;s name</source>
        <translation>Seu nome como os clientes e a exportação o veem; vazio: o nome do seu usuário no sistema</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Seu nome</translation>
    </message>
    <message>
        <source>Start zapdesk when I log in, hidden in the tray</source>
        <translation>Abrir o zapdesk quando eu entrar no computador, escondido na bandeja</translation>
    </message>
    <message>
        <source>It then receives messages from the start; the tray icon shows the window.</source>
        <translation>Assim ele recebe mensagens desde o início; o ícone da bandeja mostra a janela.</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notificações</translation>
    </message>
    <message>
        <source>Show the message&apos;s text in notifications</source>
        <translation>Mostrar o texto da mensagem nas notificações</translation>
    </message>
    <message>
        <source>Play a sound when a message arrives</source>
        <translation>Tocar um som quando chegar uma mensagem</translation>
    </message>
    <message>
        <source>Receiving messages (webhooks)</source>
        <translation>Recebimento de mensagens (webhooks)</translation>
    </message>
    <message>
        <source>https://… (a tunnel or a forwarded port)</source>
        <translation>https://… (um túnel ou uma porta redirecionada)</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Testar</translation>
    </message>
    <message>
        <source>Send a test request to zapdesk through this address and see whether it arrives</source>
        <translation>Enviar uma requisição de teste ao zapdesk por este endereço e ver se ela chega</translation>
    </message>
    <message>
        <source>ZapFlare posts your instances&apos; events to this computer. ZapFlare&apos;s servers cannot reach 127.0.0.1: for them, put the public address of a tunnel or a forwarded port. When the address changes, your instances are told the new one.</source>
        <translation>O ZapFlare envia os eventos das suas instâncias para este computador. Os servidores do ZapFlare não alcançam 127.0.0.1: para eles, informe o endereço público de um túnel ou de uma porta redirecionada. Quando o endereço muda, suas instâncias recebem o novo.</translation>
    </message>
    <message>
        <source>Listen on address</source>
        <translation>Escutar no endereço</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Porta</translation>
    </message>
    <message>
        <source>Public address</source>
        <translation>Endereço público</translation>
    </message>
    <message>
        <source>History and warnings</source>
        <translation>Histórico e avisos</translation>
    </message>
    <message>
        <source>zapdesk keeps a raw copy of each event received, for diagnosis; your conversations are kept whatever these limits are.</source>
        <translation>O zapdesk guarda uma cópia bruta de cada evento recebido, para diagnóstico; suas conversas são mantidas quaisquer que sejam estes limites.</translation>
    </message>
    <message>
        <source>Keep raw events for (days)</source>
        <translation>Guardar eventos brutos por (dias)</translation>
    </message>
    <message>
        <source>Raw events may use up to (MB)</source>
        <translation>Eventos brutos podem ocupar até (MB)</translation>
    </message>
    <message>
        <source>Warn when no event arrives for (minutes)</source>
        <translation>Avisar quando nenhum evento chegar por (minutos)</translation>
    </message>
    <message>
        <source>Where zapdesk listens for ZapFlare&apos;s webhooks; 127.0.0.1 is this computer only</source>
        <translation>Onde o zapdesk escuta os webhooks da ZapFlare; 127.0.0.1 é só este computador</translation>
    </message>
    <message>
        <source>The port zapdesk listens on, 1 to 65535</source>
        <translation>A porta em que o zapdesk escuta, de 1 a 65535</translation>
    </message>
    <message>
        <source>How ZapFlare&apos;s servers reach this computer: a tunnel or a forwarded port</source>
        <translation>Como os servidores da ZapFlare chegam a este computador: um túnel ou uma porta redirecionada</translation>
    </message>
    <message>
        <source>Raw events older than this are removed</source>
        <translation>Eventos brutos mais antigos que isso são removidos</translation>
    </message>
    <message>
        <source>Above this size the oldest raw events are removed</source>
        <translation>Acima deste tamanho, os eventos brutos mais antigos são removidos</translation>
    </message>
    <message>
        <source>The account warns when its connected instances send nothing for this long</source>
        <translation>A conta avisa quando suas instâncias conectadas não enviam nada por este tempo</translation>
    </message>
    <message>
        <source>Sending a test request…</source>
        <translation>Enviando uma requisição de teste…</translation>
    </message>
</context>
<context>
    <name>QrCanvas</name>
    <message>
        <source>WhatsApp pairing QR code</source>
        <translation>QR code de conexão do WhatsApp</translation>
    </message>
</context>
<context>
    <name>QrPanel</name>
    <message>
        <source>&lt;b&gt;Link this number&lt;/b&gt;&lt;ol style=&apos;margin-left:-20px&apos;&gt;&lt;li&gt;Open &lt;b&gt;WhatsApp&lt;/b&gt; on the phone.&lt;/li&gt;&lt;li&gt;Tap &lt;b&gt;Menu ⋮&lt;/b&gt; or &lt;b&gt;Settings&lt;/b&gt;, then &lt;b&gt;Linked devices&lt;/b&gt;.&lt;/li&gt;&lt;li&gt;Tap &lt;b&gt;Link a device&lt;/b&gt; and point the phone at this code.&lt;/li&gt;&lt;/ol&gt;</source>
        <translation>&lt;b&gt;Conecte este número&lt;/b&gt;&lt;ol style=&apos;margin-left:-20px&apos;&gt;&lt;li&gt;Abra o &lt;b&gt;WhatsApp&lt;/b&gt; no celular.&lt;/li&gt;&lt;li&gt;Toque em &lt;b&gt;Mais opções ⋮&lt;/b&gt; ou &lt;b&gt;Configurações&lt;/b&gt; e depois em &lt;b&gt;Dispositivos conectados&lt;/b&gt;.&lt;/li&gt;&lt;li&gt;Toque em &lt;b&gt;Conectar dispositivo&lt;/b&gt; e aponte o celular para este código.&lt;/li&gt;&lt;/ol&gt;</translation>
    </message>
    <message>
        <source>Generate new QR code</source>
        <translation>Gerar novo QR code</translation>
    </message>
    <message>
        <source>Preparing the QR code…</source>
        <translation>Preparando o QR code…</translation>
    </message>
    <message>
        <source>Getting a new code…</source>
        <translation>Buscando um novo código…</translation>
    </message>
    <message>
        <source>QR code expired</source>
        <translation>QR code expirado</translation>
    </message>
    <message>
        <source>Attempt {k} of {n}</source>
        <translation>Tentativa {k} de {n}</translation>
    </message>
    <message>
        <source>Scan before the time runs out; a new code follows.</source>
        <translation>Escaneie antes que o tempo acabe; um novo código vem em seguida.</translation>
    </message>
    <message>
        <source>This code is no longer valid.</source>
        <translation>Este código não é mais válido.</translation>
    </message>
    <message>
        <source>ZapFlare is preparing the first code.</source>
        <translation>O ZapFlare está preparando o primeiro código.</translation>
    </message>
    <message>
        <source>The QR codes expired before a phone scanned one. Generate a new code when the phone is at hand.</source>
        <translation>Os QR codes expiraram antes que um celular lesse algum. Gere um novo código quando estiver com o celular em mãos.</translation>
    </message>
    <message>
        <source>The server sent an unusable QR code: {why}</source>
        <translation>O servidor enviou um QR code inutilizável: {why}</translation>
    </message>
</context>
<context>
    <name>QuickReplyManager</name>
    <message>
        <source>Quick replies — {account}</source>
        <translation>Respostas rápidas — {account}</translation>
    </message>
    <message>
        <source>Type / in the message box to put one in a message. They are kept on this computer for this account.</source>
        <translation>Digite / na caixa de mensagem para usar uma. Elas ficam guardadas neste computador, para esta conta.</translation>
    </message>
    <message>
        <source>Quick replies</source>
        <translation>Respostas rápidas</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nova</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Excluir</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Descer</translation>
    </message>
    <message>
        <source>e.g. ola</source>
        <translation>ex.: ola</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Atalho</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Olá, {{nome}}! {{saudacao}}…</source>
        <translation>Olá, {{nome}}! {{saudacao}}…</translation>
    </message>
    <message>
        <source>Variables: {{nome}} the contact&apos;s name, {{primeiro_nome}} their first name, {{saudacao}} bom dia / boa tarde / boa noite, {{atendente}} your name, {{instancia}} the number&apos;s name, {{data}}, {{hora}}, {{protocolo}} a protocol number for the conversation.</source>
        <translation>Variáveis: {{nome}} o nome do contato, {{primeiro_nome}} o primeiro nome, {{saudacao}} bom dia / boa tarde / boa noite, {{atendente}} o seu nome, {{instancia}} o nome do número, {{data}}, {{hora}}, {{protocolo}} um número de protocolo para a conversa.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Salvar</translation>
    </message>
    <message>
        <source>Shortcut (after /)</source>
        <translation>Atalho (depois da /)</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importar…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
    <message>
        <source>A quick reply needs a shortcut and a text.</source>
        <translation>Uma resposta rápida precisa de um atalho e de um texto.</translation>
    </message>
    <message>
        <source>The text is too long: at most {count} characters.</source>
        <translation>O texto é longo demais: no máximo {count} caracteres.</translation>
    </message>
    <message>
        <source>Another quick reply already uses /{shortcut}.</source>
        <translation>Outra resposta rápida já usa /{shortcut}.</translation>
    </message>
    <message>
        <source>Export quick replies</source>
        <translation>Exportar respostas rápidas</translation>
    </message>
    <message>
        <source>Import quick replies</source>
        <translation>Importar respostas rápidas</translation>
    </message>
    <message>
        <source>Quick replies (*.json)</source>
        <translation>Respostas rápidas (*.json)</translation>
    </message>
    <message>
        <source>{path} cannot be read.</source>
        <translation>Não foi possível ler {path}.</translation>
    </message>
    <message>
        <source>{path} is not an export of quick replies: nothing was imported.</source>
        <translation>{path} não é uma exportação de respostas rápidas: nada foi importado.</translation>
    </message>
    <message>
        <source>Quick replies imported: {count}.</source>
        <translation>Respostas rápidas importadas: {count}.</translation>
    </message>
    <message>
        <source>{path} cannot be written.</source>
        <translation>Não foi possível gravar {path}.</translation>
    </message>
    <message>
        <source>Exported to {path}.</source>
        <translation>Exportadas para {path}.</translation>
    </message>
</context>
<context>
    <name>QuickReplyPopup</name>
    <message>
        <source>Quick replies</source>
        <translation>Respostas rápidas</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to ZapFlare</source>
        <translation>Entrar no ZapFlare</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Entrar</translation>
    </message>
    <message>
        <source>The address of the ZapFlare API</source>
        <translation>O endereço da API da ZapFlare</translation>
    </message>
    <message>
        <source>e.g. Loja Centro (optional)</source>
        <translation>ex.: Loja Centro (opcional)</translation>
    </message>
    <message>
        <source>What zapdesk calls this account</source>
        <translation>Como o zapdesk chama esta conta</translation>
    </message>
    <message>
        <source>Email and password</source>
        <translation>E-mail e senha</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Chave de API</translation>
    </message>
    <message>
        <source>you@company.com</source>
        <translation>voce@empresa.com.br</translation>
    </message>
    <message>
        <source>The email you sign in to ZapFlare with</source>
        <translation>O e-mail com que você entra na ZapFlare</translation>
    </message>
    <message>
        <source>Your ZapFlare password</source>
        <translation>Sua senha da ZapFlare</translation>
    </message>
    <message>
        <source>An API key from ZapFlare, instead of an email and password</source>
        <translation>Uma chave de API da ZapFlare, em vez de e-mail e senha</translation>
    </message>
    <message>
        <source>Remember on this computer (in the system keyring)</source>
        <translation>Lembrar neste computador (no chaveiro do sistema)</translation>
    </message>
    <message>
        <source>No secure password storage is available on this computer, so the secret will be kept only until zapdesk closes.</source>
        <translation>Não há armazenamento seguro de senhas neste computador; o segredo será guardado só até o zapdesk ser fechado.</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>Name in zapdesk</source>
        <translation>Nome no zapdesk</translation>
    </message>
    <message>
        <source>Sign in with</source>
        <translation>Entrar com</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Senha</translation>
    </message>
    <message>
        <source>Type the server&apos;s address to sign in.</source>
        <translation>Digite o endereço do servidor para entrar.</translation>
    </message>
    <message>
        <source>Type the API key to sign in.</source>
        <translation>Digite a chave de API para entrar.</translation>
    </message>
    <message>
        <source>Type your email and password to sign in.</source>
        <translation>Digite seu e-mail e sua senha para entrar.</translation>
    </message>
    <message>
        <source>Type your email to sign in.</source>
        <translation>Digite seu e-mail para entrar.</translation>
    </message>
    <message>
        <source>Type your whole email address, e.g. you@company.com.</source>
        <translation>Digite o e-mail completo, por exemplo voce@empresa.com.br.</translation>
    </message>
    <message>
        <source>Type your password to sign in.</source>
        <translation>Digite sua senha para entrar.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Entrando…</translation>
    </message>
    <message>
        <source>{why}
Sign in again to keep it only until zapdesk closes.</source>
        <translation>{why}
Entre novamente para guardá-lo só até o zapdesk ser fechado.</translation>
    </message>
    <message>
        <source>The server did not accept this API key.</source>
        <translation>O servidor não aceitou esta chave de API.</translation>
    </message>
    <message>
        <source>Wrong email or password.</source>
        <translation>E-mail ou senha incorretos.</translation>
    </message>
</context>
<context>
    <name>SignatureToggle</name>
    <message>
        <source>Sign</source>
        <translation>Assinar</translation>
    </message>
    <message>
        <source>Put “*{name}:*” and a line break above each message and caption sent from this instance (change the name in Preferences)</source>
        <translation>Coloca “*{name}:*” e uma quebra de linha acima de cada mensagem e legenda enviada por esta instância (mude o nome nas Preferências)</translation>
    </message>
</context>
<context>
    <name>UserGuideDialog</name>
    <message>
        <source>zapdesk user guide</source>
        <translation>Guia do usuário do zapdesk</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Guia do usuário</translation>
    </message>
    <message>
        <source>How to use zapdesk, from signing in to answering a conversation</source>
        <translation>Como usar o zapdesk, de entrar na conta a responder uma conversa</translation>
    </message>
    <message>
        <source>The user guide is not installed with this copy of zapdesk.</source>
        <translation>O guia do usuário não foi instalado com esta cópia do zapdesk.</translation>
    </message>
    <message>
        <source>From {path}</source>
        <translation>De {path}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to zapdesk</source>
        <translation>Boas-vindas ao zapdesk</translation>
    </message>
    <message>
        <source>Manage every WhatsApp number of your ZapFlare accounts in one window: see their status live, connect new numbers with a QR code, and answer conversations.</source>
        <translation>Gerencie todos os números de WhatsApp das suas contas ZapFlare em uma só janela: acompanhe o status ao vivo, conecte novos números com QR code e responda conversas.</translation>
    </message>
    <message>
        <source>Sign in to ZapFlare</source>
        <translation>Entrar no ZapFlare</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>Experimentar a demonstração</translation>
    </message>
    <message>
        <source>The demo runs a built-in ZapFlare sandbox on this computer, with simulated phones and contacts. No account needed; nothing leaves this machine.</source>
        <translation>A demonstração roda um sandbox do ZapFlare neste computador, com celulares e contatos simulados. Não precisa de conta; nada sai desta máquina.</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Demo (sandbox)</source>
        <translation>Demonstração (sandbox)</translation>
    </message>
</context>
<context>
    <name>attention</name>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>zapdesk ({count} unread)</source>
        <translation>zapdesk ({count} não lidas)</translation>
    </message>
    <message>
        <source>zapdesk</source>
        <translation>zapdesk</translation>
    </message>
    <message>
        <source>1 unread message</source>
        <translation>1 mensagem não lida</translation>
    </message>
    <message>
        <source>{count} unread messages</source>
        <translation>{count} mensagens não lidas</translation>
    </message>
    <message>
        <source>No unread messages</source>
        <translation>Nenhuma mensagem não lida</translation>
    </message>
    <message>
        <source>{count} new messages</source>
        <translation>{count} mensagens novas</translation>
    </message>
    <message>
        <source>Open zapdesk to read them.</source>
        <translation>Abra o zapdesk para lê-las.</translation>
    </message>
    <message>
        <source>New message</source>
        <translation>Nova mensagem</translation>
    </message>
</context>
<context>
    <name>banner</name>
    <message>
        <source>Messages are not being received</source>
        <translation>As mensagens não estão sendo recebidas</translation>
    </message>
    <message>
        <source>Choose another port…</source>
        <translation>Escolher outra porta…</translation>
    </message>
    <message>
        <source>Pick the port zapdesk receives messages on; it is saved and used at once</source>
        <translation>Escolha a porta em que o zapdesk recebe as mensagens; ela é salva e usada na hora</translation>
    </message>
</context>
<context>
    <name>chat</name>
    <message>
        <source>Private ID {id}</source>
        <translation>ID privado {id}</translation>
    </message>
    <message>
        <source>🖼 Photo</source>
        <translation>🖼 Foto</translation>
    </message>
    <message>
        <source>🎬 Video</source>
        <translation>🎬 Vídeo</translation>
    </message>
    <message>
        <source>🎤 Audio</source>
        <translation>🎤 Áudio</translation>
    </message>
    <message>
        <source>📄 Document</source>
        <translation>📄 Documento</translation>
    </message>
    <message>
        <source>🏷 Sticker</source>
        <translation>🏷 Figurinha</translation>
    </message>
    <message>
        <source>📍 Location</source>
        <translation>📍 Localização</translation>
    </message>
    <message>
        <source>👤 Contact</source>
        <translation>👤 Contato</translation>
    </message>
    <message>
        <source>📊 Poll</source>
        <translation>📊 Enquete</translation>
    </message>
    <message>
        <source>Unsupported message</source>
        <translation>Mensagem não suportada</translation>
    </message>
    <message>
        <source>{name}, {unread} unread: {last}</source>
        <translation>{name}, {unread} não lidas: {last}</translation>
    </message>
    <message>
        <source>🚫 This message was deleted</source>
        <translation>🚫 Esta mensagem foi apagada</translation>
    </message>
    <message>
        <source>🎬 Video {duration}</source>
        <translation>🎬 Vídeo {duration}</translation>
    </message>
    <message>
        <source>🎤 Voice message {duration}</source>
        <translation>🎤 Mensagem de voz {duration}</translation>
    </message>
    <message>
        <source>🎵 Audio {duration}</source>
        <translation>🎵 Áudio {duration}</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Localização</translation>
    </message>
    <message>
        <source>Live location</source>
        <translation>Localização em tempo real</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contato</translation>
    </message>
    <message>
        <source>Unsupported message ({what})</source>
        <translation>Mensagem não suportada ({what})</translation>
    </message>
    <message>
        <source>(earlier message)</source>
        <translation>(mensagem anterior)</translation>
    </message>
    <message>
        <source>typing…</source>
        <translation>digitando…</translation>
    </message>
    <message>
        <source>recording audio…</source>
        <translation>gravando áudio…</translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>Search all messages</source>
        <translation>Pesquisar em todas as mensagens</translation>
    </message>
    <message>
        <source>Needs reply</source>
        <translation>Aguardando resposta</translation>
    </message>
    <message>
        <source>Conversations waiting for an answer, across every account and instance</source>
        <translation>Conversas esperando resposta, em todas as contas e instâncias</translation>
    </message>
    <message>
        <source>No conversations yet. Messages arrive here as ZapFlare delivers them.</source>
        <translation>Nenhuma conversa ainda. As mensagens aparecem aqui conforme a ZapFlare as entrega.</translation>
    </message>
    <message>
        <source>Select a conversation</source>
        <translation>Selecione uma conversa</translation>
    </message>
    <message>
        <source>Choose one in the list, or start a new conversation by number (Ctrl+N).</source>
        <translation>Escolha uma na lista ou comece uma nova conversa pelo número (Ctrl+N).</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>Nova conversa</translation>
    </message>
    <message>
        <source>Write to a number that has no conversation yet</source>
        <translation>Escrever para um número que ainda não tem conversa</translation>
    </message>
    <message>
        <source>{instance} · {account}</source>
        <translation>{instance} · {account}</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Você</translation>
    </message>
    <message>
        <source>{who}: </source>
        <translation>{who}: </translation>
    </message>
    <message>
        <source>{name}, {where}, {when}: {text}</source>
        <translation>{name}, {where}, {when}: {text}</translation>
    </message>
    <message>
        <source>No message matches “{text}”.</source>
        <translation>Nenhuma mensagem corresponde a “{text}”.</translation>
    </message>
    <message>
        <source>Type the number below, then the message.</source>
        <translation>Digite o número abaixo e depois a mensagem.</translation>
    </message>
    <message>
        <source>Select an instance.</source>
        <translation>Selecione uma instância.</translation>
    </message>
    <message>
        <source>This number is banned by WhatsApp: it cannot send messages.</source>
        <translation>Este número foi banido pelo WhatsApp: não pode enviar mensagens.</translation>
    </message>
    <message>
        <source>This instance is not connected. Connect it (Details) to send messages.</source>
        <translation>Esta instância não está conectada. Conecte-a (Detalhes) para enviar mensagens.</translation>
    </message>
    <message>
        <source>ZapFlare&apos;s API sends to phone numbers only; answer this group from the phone.</source>
        <translation>A API da ZapFlare só envia para números de telefone; responda a este grupo pelo celular.</translation>
    </message>
    <message>
        <source>Send again?</source>
        <translation>Enviar de novo?</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Enviar de novo</translation>
    </message>
    <message>
        <source>Send media</source>
        <translation>Enviar mídia</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>From the address</source>
        <translation>Pelo endereço</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Imagem</translation>
    </message>
    <message>
        <source>The address of the picture, video, audio or document</source>
        <translation>O endereço da foto, do vídeo, do áudio ou do documento</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Vídeo</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Áudio</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Opcional</translation>
    </message>
    <message>
        <source>Text sent with it (optional)</source>
        <translation>Texto enviado junto (opcional)</translation>
    </message>
    <message>
        <source>Address (URL)</source>
        <translation>Endereço (URL)</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Legenda</translation>
    </message>
    <message>
        <source>From the address ({kind})</source>
        <translation>Pelo endereço ({kind})</translation>
    </message>
    <message>
        <source>Number, e.g. (11) 99999-9999</source>
        <translation>Número, ex.: (11) 99999-9999</translation>
    </message>
    <message>
        <source>Type a message (Enter sends, Shift+Enter for a new line)</source>
        <translation>Digite uma mensagem (Enter envia, Shift+Enter quebra a linha)</translation>
    </message>
    <message>
        <source>Media…</source>
        <translation>Mídia…</translation>
    </message>
    <message>
        <source>Not sent · double-click to retry</source>
        <translation>Não enviada · clique duas vezes para reenviar</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>editada</translation>
    </message>
    <message>
        <source>Open media</source>
        <translation>Abrir mídia</translation>
    </message>
    <message>
        <source>Copy media address</source>
        <translation>Copiar endereço da mídia</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Copiar texto</translation>
    </message>
    <message>
        <source>Save as quick reply…</source>
        <translation>Salvar como resposta rápida…</translation>
    </message>
    <message>
        <source>WhatsApp shows this contact by a private ID, without the phone number. ZapFlare sends only to phone numbers, so this conversation cannot be answered until the number is known; it becomes known when the contact writes again or updates their details, and the box unlocks by itself.</source>
        <translation>O WhatsApp mostra este contato por um ID privado, sem o número de telefone. A ZapFlare só envia para números de telefone, então esta conversa não pode ser respondida até o número ser conhecido; ele aparece quando o contato escrever de novo ou atualizar os dados dele, e a caixa se desbloqueia sozinha.</translation>
    </message>
    <message>
        <source>number not known yet</source>
        <translation>número ainda desconhecido</translation>
    </message>
    <message>
        <source>No events have arrived since {start}: messages sent since then may be missing.</source>
        <translation>Nenhum evento chegou desde {start}: mensagens enviadas desde então podem estar faltando.</translation>
    </message>
    <message>
        <source>Messages may be missing: zapdesk was not receiving {count} times between {start} and {end}.</source>
        <translation>Podem faltar mensagens: o zapdesk ficou sem receber {count} vezes entre {start} e {end}.</translation>
    </message>
    <message>
        <source>Messages may be missing between {start} and {end}: zapdesk was closed.</source>
        <translation>Podem faltar mensagens entre {start} e {end}: o zapdesk estava fechado.</translation>
    </message>
    <message>
        <source>Messages may be missing between {start} and {end}: no events arrived (the webhook may not have reached zapdesk).</source>
        <translation>Podem faltar mensagens entre {start} e {end}: nenhum evento chegou (o webhook pode não ter alcançado o zapdesk).</translation>
    </message>
    <message>
        <source>Sent by {name}</source>
        <translation>Enviada por {name}</translation>
    </message>
</context>
<context>
    <name>commands</name>
    <message>
        <source>no accounts (sign in from the app first)</source>
        <translation>nenhuma conta (entre primeiro pelo aplicativo)</translation>
    </message>
    <message>
        <source>(no stable webhook URL)</source>
        <translation>(nenhuma URL de webhook estável)</translation>
    </message>
    <message>
        <source>No stable webhook URL exists on this computer: there is no secure password storage (keyring) to keep its secret ({reason}). While zapdesk runs it receives on a temporary URL, shown in the app, that lasts only until it closes.</source>
        <translation>Não há URL de webhook estável neste computador: nenhum armazenamento seguro de senhas (chaveiro) está disponível para guardar o segredo dela ({reason}). Enquanto o zapdesk está aberto, ele recebe numa URL temporária, mostrada no aplicativo, que deixa de valer quando ele fecha.</translation>
    </message>
</context>
<context>
    <name>console</name>
    <message>
        <source>Filter by name, number or status (Ctrl+F)</source>
        <translation>Filtrar por nome, número ou status (Ctrl+F)</translation>
    </message>
    <message>
        <source>Instances of every account</source>
        <translation>Instâncias de todas as contas</translation>
    </message>
    <message>
        <source>New instance</source>
        <translation>Nova instância</translation>
    </message>
    <message>
        <source>Select an instance to see its details.</source>
        <translation>Selecione uma instância para ver os detalhes.</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversas</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalhes</translation>
    </message>
    <message>
        <source>Starting the demo…</source>
        <translation>Iniciando a demonstração…</translation>
    </message>
    <message>
        <source>Loading your accounts…</source>
        <translation>Carregando suas contas…</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Conta</translation>
    </message>
    <message>
        <source>&amp;Sign in to an account…</source>
        <translation>&amp;Entrar em uma conta…</translation>
    </message>
    <message>
        <source>Try the &amp;demo</source>
        <translation>Experimentar a &amp;demonstração</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Sair da conta</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Sai&amp;r</translation>
    </message>
    <message>
        <source>&amp;Instance</source>
        <translation>&amp;Instância</translation>
    </message>
    <message>
        <source>&amp;New instance…</source>
        <translation>&amp;Nova instância…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>E&amp;xcluir…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Atualizar</translation>
    </message>
    <message>
        <source>&amp;Filter</source>
        <translation>&amp;Filtrar</translation>
    </message>
    <message>
        <source>That conversation belongs to an instance that is not listed.</source>
        <translation>Essa conversa pertence a uma instância que não está na lista.</translation>
    </message>
    <message>
        <source>zapdesk ran into a bug</source>
        <translation>O zapdesk encontrou um erro interno</translation>
    </message>
    <message>
        <source>Something unexpected happened: {what}

Details are in the log: {log}</source>
        <translation>Algo inesperado aconteceu: {what}

Os detalhes estão no log: {log}</translation>
    </message>
    <message>
        <source>Select the account the new instance belongs to.</source>
        <translation>Selecione a conta à qual a nova instância pertence.</translation>
    </message>
    <message>
        <source>Saved “{name}”</source>
        <translation>“{name}” salva</translation>
    </message>
    <message>
        <source>Deleted “{name}”</source>
        <translation>“{name}” excluída</translation>
    </message>
    <message>
        <source>Disconnected “{name}”</source>
        <translation>Desconectada: “{name}”</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>E&amp;xibir</translation>
    </message>
    <message>
        <source>&amp;Instance column</source>
        <translation>Coluna de &amp;instâncias</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Atalhos de teclado</translation>
    </message>
</context>
<context>
    <name>detail</name>
    <message>
        <source>WhatsApp Web (a linked device)</source>
        <translation>WhatsApp Web (um aparelho conectado)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sim</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Não</translation>
    </message>
    <message>
        <source>{status} (not a status zapdesk knows)</source>
        <translation>{status} (status desconhecido pelo zapdesk)</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Não definido</translation>
    </message>
    <message>
        <source>Shown above</source>
        <translation>Exibida acima</translation>
    </message>
    <message>
        <source>Connected as {phone}</source>
        <translation>Conectada como {phone}</translation>
    </message>
    <message>
        <source>(no number)</source>
        <translation>(sem número)</translation>
    </message>
    <message>
        <source>This instance is linked to WhatsApp and ready to send and receive messages.</source>
        <translation>Esta instância está conectada ao WhatsApp e pronta para enviar e receber mensagens.</translation>
    </message>
    <message>
        <source>Disconnected from WhatsApp</source>
        <translation>Desconectada do WhatsApp</translation>
    </message>
    <message>
        <source>Last known: {status}</source>
        <translation>Último estado conhecido: {status}</translation>
    </message>
    <message>
        <source>Last known, not current: zapdesk cannot ask the server about this instance now. Select its account to sign in again.</source>
        <translation>Último estado conhecido, não atual: o zapdesk não consegue consultar o servidor sobre esta instância agora. Selecione a conta dela para entrar novamente.</translation>
    </message>
    <message>
        <source>This number is banned by WhatsApp</source>
        <translation>Este número foi banido pelo WhatsApp</translation>
    </message>
    <message>
        <source>It cannot be connected and cannot send messages. Contact WhatsApp support about the number, or delete this instance.</source>
        <translation>Ele não pode ser conectado nem enviar mensagens. Fale com o suporte do WhatsApp sobre o número ou exclua esta instância.</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>Status: {status}</translation>
    </message>
    <message>
        <source>The server reported a status zapdesk does not know. It is shown as it was sent; the other actions stay available.</source>
        <translation>O servidor informou um status que o zapdesk não conhece. Ele é exibido como foi enviado; as demais ações continuam disponíveis.</translation>
    </message>
    <message>
        <source>Generate a new QR code and scan it from the phone to link it again.</source>
        <translation>Gere um novo QR code e leia-o com o celular para conectá-lo de novo.</translation>
    </message>
    <message>
        <source>The phone {phone} is no longer linked.</source>
        <translation>O celular {phone} não está mais conectado.</translation>
    </message>
    <message>
        <source>The phone is no longer linked.</source>
        <translation>O celular não está mais conectado.</translation>
    </message>
    <message>
        <source>Not linked to a phone yet</source>
        <translation>Ainda não conectada a um celular</translation>
    </message>
    <message>
        <source>No phone has scanned this instance&apos;s QR code yet. Generate a new QR code and scan it from the phone.</source>
        <translation>Nenhum celular leu o QR code desta instância ainda. Gere um novo QR code e leia-o com o celular.</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Chave de API</translation>
    </message>
    <message>
        <source>Server: {url}
Signed in as: {who}</source>
        <translation>Servidor: {url}
Entrou como: {who}</translation>
    </message>
    <message>
        <source>Plan: not known (ZapFlare does not tell API-key sign-ins which plan they are on)</source>
        <translation>Plano: desconhecido (o ZapFlare não informa o plano a quem entra com chave de API)</translation>
    </message>
    <message>
        <source>Up to date.</source>
        <translation>Tudo em dia.</translation>
    </message>
    <message>
        <source>The instances listed are the last known ones, from {when}; they are not current. zapdesk has not been able to ask the server since.</source>
        <translation>As instâncias listadas são as últimas conhecidas, de {when}; não são atuais. Desde então o zapdesk não conseguiu consultar o servidor.</translation>
    </message>
    <message>
        <source>Stop the demo</source>
        <translation>Encerrar a demonstração</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sair da conta</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>The name must have {min} to {max} characters (it has {length}).</source>
        <translation>O nome deve ter de {min} a {max} caracteres (tem {length}).</translation>
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
        <source>“{link}” is not a link zapdesk can open. It opens whatsapp://send?phone=…, https://wa.me/… and tel: links.</source>
        <translation>“{link}” não é um link que o zapdesk abre. Ele abre links whatsapp://send?phone=…, https://wa.me/… e tel:.</translation>
    </message>
    <message>
        <source>The link “{link}” does not say which number to write to.</source>
        <translation>O link “{link}” não diz para qual número escrever.</translation>
    </message>
    <message>
        <source>The link’s number “{number}” is not a valid phone number.</source>
        <translation>O número do link, “{number}”, não é um número de telefone válido.</translation>
    </message>
    <message>
        <source>the name</source>
        <translation>o nome</translation>
    </message>
    <message>
        <source>the webhook URL</source>
        <translation>a URL do webhook</translation>
    </message>
    <message>
        <source>the phone number</source>
        <translation>o número de telefone</translation>
    </message>
    <message>
        <source>the message</source>
        <translation>a mensagem</translation>
    </message>
    <message>
        <source>the media address</source>
        <translation>o endereço da mídia</translation>
    </message>
    <message>
        <source>the media type</source>
        <translation>o tipo de mídia</translation>
    </message>
    <message>
        <source>the caption</source>
        <translation>a legenda</translation>
    </message>
    <message>
        <source>the email</source>
        <translation>o e-mail</translation>
    </message>
    <message>
        <source>the password</source>
        <translation>a senha</translation>
    </message>
    <message>
        <source>the server address</source>
        <translation>o endereço do servidor</translation>
    </message>
    <message>
        <source>the listener address</source>
        <translation>o endereço do receptor</translation>
    </message>
    <message>
        <source>the listener port</source>
        <translation>a porta do receptor</translation>
    </message>
    <message>
        <source>the public address</source>
        <translation>o endereço público</translation>
    </message>
    <message>
        <source>what you typed</source>
        <translation>o que você digitou</translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>Algo deu errado.</translation>
    </message>
    <message>
        <source>The server refused the request.</source>
        <translation>O servidor recusou o pedido.</translation>
    </message>
    <message>
        <source>The server did not accept the email and password. Sign in again.</source>
        <translation>O servidor não aceitou o e-mail e a senha. Entre novamente.</translation>
    </message>
    <message>
        <source>The server did not accept the API key. Sign in again with a valid key.</source>
        <translation>O servidor não aceitou a chave de API. Entre novamente com uma chave válida.</translation>
    </message>
    <message>
        <source>The session has ended and no password is kept to renew it. Sign in again.</source>
        <translation>A sessão terminou e não há senha guardada para renová-la. Entre novamente.</translation>
    </message>
    <message>
        <source>Your password was not saved on this computer (no keyring). Sign in again.</source>
        <translation>Sua senha não foi salva neste computador (não há chaveiro). Entre novamente.</translation>
    </message>
    <message>
        <source>Your API key was not saved on this computer (no keyring). Sign in again.</source>
        <translation>Sua chave de API não foi salva neste computador (não há chaveiro). Entre novamente.</translation>
    </message>
    <message>
        <source>No password is stored for this account on this computer. Sign in again.</source>
        <translation>Não há senha guardada para esta conta neste computador. Entre novamente.</translation>
    </message>
    <message>
        <source>No API key is stored for this account on this computer. Sign in again.</source>
        <translation>Não há chave de API guardada para esta conta neste computador. Entre novamente.</translation>
    </message>
    <message>
        <source>This account is not signed in. Sign in again.</source>
        <translation>Esta conta não está conectada. Entre novamente.</translation>
    </message>
    <message>
        <source>The server does not allow this for your account.</source>
        <translation>O servidor não permite isto para a sua conta.</translation>
    </message>
    <message>
        <source>Your plan&apos;s instance limit is reached. Delete an instance or upgrade the plan.</source>
        <translation>O limite de instâncias do seu plano foi atingido. Exclua uma instância ou mude de plano.</translation>
    </message>
    <message>
        <source>All the instances your {plan} plan allows are in use ({limit} of {limit}). Delete an instance or upgrade the plan.</source>
        <translation>Todas as instâncias que o seu plano {plan} permite estão em uso ({limit} de {limit}). Exclua uma instância ou mude de plano.</translation>
    </message>
    <message>
        <source>Check {field}: the value was not accepted.</source>
        <translation>Verifique {field}: o valor não foi aceito.</translation>
    </message>
    <message>
        <source>The server did not accept the request. Check what you typed and try again.</source>
        <translation>O servidor não aceitou o pedido. Verifique o que você digitou e tente de novo.</translation>
    </message>
    <message>
        <source>The server no longer has this instance; it may have been deleted elsewhere.</source>
        <translation>O servidor não tem mais esta instância; ela pode ter sido excluída em outro lugar.</translation>
    </message>
    <message>
        <source>The server refused: the instance changed meanwhile. Refresh and try again.</source>
        <translation>O servidor recusou: a instância mudou nesse meio-tempo. Atualize e tente de novo.</translation>
    </message>
    <message>
        <source>An instance with this name already exists in this account. Choose another name.</source>
        <translation>Já existe uma instância com este nome nesta conta. Escolha outro nome.</translation>
    </message>
    <message>
        <source>This instance is not connected to WhatsApp. Connect it first.</source>
        <translation>Esta instância não está conectada ao WhatsApp. Conecte-a primeiro.</translation>
    </message>
    <message>
        <source>Too many requests. Try again in {retry_after} s.</source>
        <translation>Pedidos demais. Tente de novo em {retry_after} s.</translation>
    </message>
    <message>
        <source>The server ran into a problem. Try again in a moment.</source>
        <translation>O servidor teve um problema. Tente de novo daqui a pouco.</translation>
    </message>
    <message>
        <source>The server sent an answer zapdesk does not understand.</source>
        <translation>O servidor enviou uma resposta que o zapdesk não entende.</translation>
    </message>
    <message>
        <source>Something went wrong in zapdesk while updating from the server (the log has the details). It tries again by itself.</source>
        <translation>Algo deu errado no zapdesk ao atualizar a partir do servidor (o registro tem os detalhes). Ele tenta de novo sozinho.</translation>
    </message>
    <message>
        <source>Cannot reach the server. Check the internet connection and try again.</source>
        <translation>Não foi possível alcançar o servidor. Verifique a conexão com a internet e tente de novo.</translation>
    </message>
    <message>
        <source>The server refused the connection. Check the server address, or try again later.</source>
        <translation>O servidor recusou a conexão. Verifique o endereço do servidor ou tente mais tarde.</translation>
    </message>
    <message>
        <source>The server&apos;s name was not found. Check the server address and the internet connection.</source>
        <translation>O nome do servidor não foi encontrado. Verifique o endereço do servidor e a conexão com a internet.</translation>
    </message>
    <message>
        <source>The server did not answer in time. Try again in a moment.</source>
        <translation>O servidor não respondeu a tempo. Tente de novo daqui a pouco.</translation>
    </message>
    <message>
        <source>A secure connection to the server could not be made.</source>
        <translation>Não foi possível estabelecer uma conexão segura com o servidor.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted, so zapdesk did not connect.</source>
        <translation>O certificado do servidor não é confiável, por isso o zapdesk não se conectou.</translation>
    </message>
    <message>
        <source>The connection to the server was interrupted. Try again.</source>
        <translation>A conexão com o servidor foi interrompida. Tente de novo.</translation>
    </message>
    <message>
        <source>The server sends this request elsewhere. Check the server address (https:// or the path).</source>
        <translation>O servidor redireciona este pedido para outro lugar. Verifique o endereço do servidor (https:// ou o caminho).</translation>
    </message>
    <message>
        <source>The server&apos;s answer was broken or incomplete. Try again.</source>
        <translation>A resposta do servidor veio quebrada ou incompleta. Tente de novo.</translation>
    </message>
    <message>
        <source>Type a full address that starts with http:// or https://.</source>
        <translation>Digite um endereço completo que comece com http:// ou https://.</translation>
    </message>
    <message>
        <source>Type the listener&apos;s address as HOST:PORT with an IP address, e.g. 127.0.0.1:{port}.</source>
        <translation>Digite o endereço do receptor como HOST:PORTA com um endereço IP, p. ex. 127.0.0.1:{port}.</translation>
    </message>
    <message>
        <source>zapdesk could not change whether it starts when you log in.</source>
        <translation>O zapdesk não conseguiu mudar se abre quando você entra no computador.</translation>
    </message>
    <message>
        <source>No secure password storage (keyring) is available on this computer.</source>
        <translation>Nenhum armazenamento seguro de senhas (chaveiro) está disponível neste computador.</translation>
    </message>
    <message>
        <source>The list of accounts could not be read; the file was left as it is.</source>
        <translation>Não foi possível ler a lista de contas; o arquivo foi deixado como está.</translation>
    </message>
    <message>
        <source>The message database cannot be used.</source>
        <translation>O banco de mensagens não pode ser usado.</translation>
    </message>
    <message>
        <source>The message database was written by a newer zapdesk (version {found}); this one knows version {known}. Update zapdesk to open it.</source>
        <translation>O banco de mensagens foi gravado por um zapdesk mais novo (versão {found}); este conhece a versão {known}. Atualize o zapdesk para abri-lo.</translation>
    </message>
    <message>
        <source>zapdesk cannot receive messages on {address} (the log has the details). Choose another port.</source>
        <translation>O zapdesk não consegue receber mensagens em {address} (os detalhes estão no registro). Escolha outra porta.</translation>
    </message>
    <message>
        <source>Another program is already using port {port} on this computer, so zapdesk cannot receive messages there. Choose another port.</source>
        <translation>Outro programa já está usando a porta {port} neste computador, então o zapdesk não consegue receber mensagens nela. Escolha outra porta.</translation>
    </message>
    <message>
        <source>This computer does not let zapdesk use port {port} (ports below 1024 need administrator rights). Choose a port from 1024 to 65535.</source>
        <translation>Este computador não permite que o zapdesk use a porta {port} (portas abaixo de 1024 exigem direitos de administrador). Escolha uma porta de 1024 a 65535.</translation>
    </message>
    <message>
        <source>{host} is not an address of this computer, so zapdesk cannot receive messages on it. Use 127.0.0.1, or an address this computer has.</source>
        <translation>{host} não é um endereço deste computador, então o zapdesk não consegue receber mensagens nele. Use 127.0.0.1 ou um endereço que este computador tenha.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
    <message>
        <source>This message may have been sent already (the server did not answer in time). Check the conversation on the phone, and retry only if it is missing.</source>
        <translation>Esta mensagem pode já ter sido enviada (o servidor não respondeu a tempo). Confira a conversa no celular e reenvie só se ela não estiver lá.</translation>
    </message>
    <message>
        <source>This value is not allowed here: {value}.</source>
        <translation>Este valor não é permitido aqui: {value}.</translation>
    </message>
    <message>
        <source>Expected a whole number from {low} to {high}, not {value}.</source>
        <translation>Esperava-se um número inteiro de {low} a {high}, não {value}.</translation>
    </message>
    <message>
        <source>Expected a number greater than 0 and at most {high}, not {value}.</source>
        <translation>Esperava-se um número maior que 0 e de no máximo {high}, não {value}.</translation>
    </message>
    <message>
        <source>Expected true or false, not {value}.</source>
        <translation>Esperava-se true ou false, não {value}.</translation>
    </message>
    <message>
        <source>Expected one of {choices}, not {value}.</source>
        <translation>Esperava-se um destes: {choices}, não {value}.</translation>
    </message>
    <message>
        <source>Expected an IP address of this computer, such as 127.0.0.1 or ::1 (0.0.0.0 for all of its addresses), not {value}.</source>
        <translation>Esperava-se um endereço IP deste computador, como 127.0.0.1 ou ::1 (0.0.0.0 para todos os seus endereços), não {value}.</translation>
    </message>
    <message>
        <source>Expected a full http:// or https:// address, such as https://abc.example.com, not {value}.</source>
        <translation>Esperava-se um endereço completo http:// ou https://, como https://abc.example.com, não {value}.</translation>
    </message>
    <message>
        <source>zapdesk has no such setting.</source>
        <translation>O zapdesk não tem essa configuração.</translation>
    </message>
    <message>
        <source>The file cannot be read: every setting has its default.</source>
        <translation>O arquivo não pode ser lido: todas as configurações ficam com o padrão.</translation>
    </message>
    <message>
        <source>The file is not valid JSON (line {line}, column {column}): every setting has its default.</source>
        <translation>O arquivo não é um JSON válido (linha {line}, coluna {column}): todas as configurações ficam com o padrão.</translation>
    </message>
    <message>
        <source>The file must hold one JSON object (names and values between braces): every setting has its default.</source>
        <translation>O arquivo deve conter um único objeto JSON (nomes e valores entre chaves): todas as configurações ficam com o padrão.</translation>
    </message>
    <message>
        <source>The preferences cannot be saved in {path} (the log has the details); they apply until zapdesk closes.</source>
        <translation>As preferências não podem ser salvas em {path} (os detalhes estão no registro); elas valem até o zapdesk ser fechado.</translation>
    </message>
    <message>
        <source>{names}: zapdesk cannot fill this in here, so it is not sent. Correct or remove it; the variables are {{{{nome}}}}, {{{{primeiro_nome}}}}, {{{{saudacao}}}}, {{{{atendente}}}}, {{{{instancia}}}}, {{{{data}}}}, {{{{hora}}}} and {{{{protocolo}}}}.</source>
        <translation>{names}: o zapdesk não consegue preencher isto aqui, então a mensagem não é enviada. Corrija ou remova; as variáveis são {{{{nome}}}}, {{{{primeiro_nome}}}}, {{{{saudacao}}}}, {{{{atendente}}}}, {{{{instancia}}}}, {{{{data}}}}, {{{{hora}}}} e {{{{protocolo}}}}.</translation>
    </message>
</context>
<context>
    <name>help</name>
    <message>
        <source>&amp;Quick replies…</source>
        <translation>&amp;Respostas rápidas…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferências…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;juda</translation>
    </message>
    <message>
        <source>User &amp;guide</source>
        <translation>&amp;Guia do usuário</translation>
    </message>
    <message>
        <source>Open the &amp;log folder</source>
        <translation>Abrir a pasta de &amp;registros</translation>
    </message>
    <message>
        <source>Open the &amp;data folder</source>
        <translation>Abrir a pasta de &amp;dados</translation>
    </message>
    <message>
        <source>&amp;About zapdesk</source>
        <translation>&amp;Sobre o zapdesk</translation>
    </message>
    <message>
        <source>Sign in or try the demo first: quick replies belong to an account.</source>
        <translation>Entre numa conta ou experimente a demonstração primeiro: as respostas rápidas pertencem a uma conta.</translation>
    </message>
    <message>
        <source>Preferences saved.</source>
        <translation>Preferências salvas.</translation>
    </message>
    <message>
        <source>• {setting}: {reason}</source>
        <translation>• {setting}: {reason}</translation>
    </message>
    <message>
        <source>Some settings were ignored</source>
        <translation>Algumas configurações foram ignoradas</translation>
    </message>
    <message>
        <source>zapdesk uses the default for each setting below, because its value in {path} cannot be used:

{lines}

Saving the Preferences writes a corrected file.</source>
        <translation>O zapdesk usa o padrão em cada configuração abaixo, porque o valor dela em {path} não pode ser usado:

{lines}

Salvar as Preferências grava um arquivo corrigido.</translation>
    </message>
    <message>
        <source>Open Preferences…</source>
        <translation>Abrir as Preferências…</translation>
    </message>
</context>
<context>
    <name>launch</name>
    <message>
        <source>zapdesk is already running with the data folder {folder}, but it does not answer. Wait a moment and try again; if it stays this way, end the zapdesk process (id {pid}) and start zapdesk again.</source>
        <translation>O zapdesk já está aberto com a pasta de dados {folder}, mas não responde. Aguarde um momento e tente de novo; se continuar assim, encerre o processo do zapdesk (id {pid}) e abra o zapdesk outra vez.</translation>
    </message>
    <message>
        <source>zapdesk</source>
        <translation>zapdesk</translation>
    </message>
</context>
<context>
    <name>links</name>
    <message>
        <source>Write to {number}</source>
        <translation>Escrever para {number}</translation>
    </message>
    <message>
        <source>A link asks to write to {number}. Which of your numbers should write?</source>
        <translation>Um link pede para escrever para {number}. De qual dos seus números?</translation>
    </message>
    <message>
        <source>Message: “{text}”</source>
        <translation>Mensagem: “{text}”</translation>
    </message>
    <message>
        <source>Instances connected to WhatsApp</source>
        <translation>Instâncias conectadas ao WhatsApp</translation>
    </message>
    <message>
        <source>The message opens in the composer; nothing is sent until you press Send.</source>
        <translation>A mensagem abre na caixa de texto; nada é enviado até você clicar em Enviar.</translation>
    </message>
    <message>
        <source>Open in the composer</source>
        <translation>Abrir na caixa de texto</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>No instance is connected, so none can write to this number. Connect one (Details), then open the link again.</source>
        <translation>Nenhuma instância está conectada, então nenhuma pode escrever para este número. Conecte uma (Detalhes) e abra o link de novo.</translation>
    </message>
    <message>
        <source>The link opens once you sign in or start the demo.</source>
        <translation>O link será aberto assim que você entrar em uma conta ou iniciar a demonstração.</translation>
    </message>
    <message>
        <source>That instance is no longer listed; open the link again.</source>
        <translation>Essa instância não está mais na lista; abra o link de novo.</translation>
    </message>
    <message>
        <source>This link cannot be opened</source>
        <translation>Não é possível abrir este link</translation>
    </message>
</context>
<context>
    <name>list</name>
    <message>
        <source>{count} of {limit} instances · {plan}</source>
        <translation>{count} de {limit} instâncias · {plan}</translation>
    </message>
    <message>
        <source>1 instance</source>
        <translation>1 instância</translation>
    </message>
    <message>
        <source>{count} instances</source>
        <translation>{count} instâncias</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Carregando…</translation>
    </message>
    <message>
        <source>Offline — retrying in {seconds} s</source>
        <translation>Sem conexão — nova tentativa em {seconds} s</translation>
    </message>
    <message>
        <source>Not updated — retrying in {seconds} s</source>
        <translation>Não atualizado — nova tentativa em {seconds} s</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Entre novamente</translation>
    </message>
    <message>
        <source>No number yet</source>
        <translation>Ainda sem número</translation>
    </message>
    <message>
        <source>{phone} · last known, not current</source>
        <translation>{phone} · último estado conhecido, não atual</translation>
    </message>
    <message>
        <source>{instance}, last known, not current</source>
        <translation>{instance}, último estado conhecido, não atual</translation>
    </message>
    <message>
        <source>{instance}, {unread} unread</source>
        <translation>{instance}, {unread} não lidas</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>The SSL_CERT_FILE setting names {path}, which is missing or holds no certificates; zapdesk ignores it and uses its own.</source>
        <translation>A configuração SSL_CERT_FILE aponta para {path}, que não existe ou não contém certificados; o zapdesk a ignora e usa os seus próprios.</translation>
    </message>
</context>
<context>
    <name>names</name>
    <message>
        <source>Filter the instances</source>
        <translation>Filtrar as instâncias</translation>
    </message>
    <message>
        <source>Shows only the instances whose name, number or status contains what you type</source>
        <translation>Mostra só as instâncias cujo nome, número ou status contém o que você digitar</translation>
    </message>
    <message>
        <source>Every account with its instances and their status. Del deletes the selected instance, F2 edits it.</source>
        <translation>Cada conta com suas instâncias e o status delas. Del exclui a instância selecionada, F2 a edita.</translation>
    </message>
    <message>
        <source>Instance views</source>
        <translation>Visões da instância</translation>
    </message>
    <message>
        <source>Instance details</source>
        <translation>Detalhes da instância</translation>
    </message>
    <message>
        <source>Copy the instance ID</source>
        <translation>Copiar o ID da instância</translation>
    </message>
    <message>
        <source>Search all messages</source>
        <translation>Pesquisar em todas as mensagens</translation>
    </message>
    <message>
        <source>Finds words in every stored message, of every account and instance</source>
        <translation>Encontra palavras em todas as mensagens guardadas, de todas as contas e instâncias</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversas</translation>
    </message>
    <message>
        <source>This instance&apos;s conversations, newest first, with unread counts. Enter opens the selected one.</source>
        <translation>As conversas desta instância, das mais recentes às mais antigas, com as não lidas. Enter abre a selecionada.</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Resultados da pesquisa</translation>
    </message>
    <message>
        <source>Messages that match the search. Enter opens the conversation at that message.</source>
        <translation>Mensagens que correspondem à pesquisa. Enter abre a conversa nessa mensagem.</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Mensagens</translation>
    </message>
    <message>
        <source>The open conversation, oldest at the top. The context menu opens, copies or sends a message again.</source>
        <translation>A conversa aberta, as mais antigas no topo. O menu de contexto abre, copia ou reenvia uma mensagem.</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensagem</translation>
    </message>
    <message>
        <source>Enter sends, Shift+Enter starts a new line, Tab moves on</source>
        <translation>Enter envia, Shift+Enter começa uma nova linha, Tab passa adiante</translation>
    </message>
    <message>
        <source>Number to write to</source>
        <translation>Número do destinatário</translation>
    </message>
    <message>
        <source>A phone number with its area code, e.g. (11) 99999-9999</source>
        <translation>Um número de telefone com DDD, p. ex. (11) 99999-9999</translation>
    </message>
    <message>
        <source>Send media</source>
        <translation>Enviar mídia</translation>
    </message>
</context>
<context>
    <name>panes</name>
    <message>
        <source>Show the instance list</source>
        <translation>Mostrar a lista de instâncias</translation>
    </message>
    <message>
        <source>Hide the instance list</source>
        <translation>Ocultar a lista de instâncias</translation>
    </message>
    <message>
        <source>{what} (Ctrl+B)</source>
        <translation>{what} (Ctrl+B)</translation>
    </message>
</context>
<context>
    <name>preferences</name>
    <message>
        <source>It arrived. This address works only from this computer: ZapFlare&apos;s servers need a public address to reach it.</source>
        <translation>Chegou. Este endereço só funciona a partir deste computador: os servidores do ZapFlare precisam de um endereço público para alcançá-lo.</translation>
    </message>
    <message>
        <source>It arrived: requests to {url} reach zapdesk.</source>
        <translation>Chegou: as requisições para {url} alcançam o zapdesk.</translation>
    </message>
    <message>
        <source>it is not running</source>
        <translation>ele não está em execução</translation>
    </message>
    <message>
        <source>zapdesk is not receiving at the moment: {reason}</source>
        <translation>O zapdesk não está recebendo no momento: {reason}</translation>
    </message>
    <message>
        <source>No answer from {url} within 10 seconds.</source>
        <translation>Nenhuma resposta de {url} em 10 segundos.</translation>
    </message>
    <message>
        <source>Something answered at {url} (HTTP {status}), but the request never reached zapdesk: the address leads elsewhere.</source>
        <translation>Algo respondeu em {url} (HTTP {status}), mas a requisição não chegou ao zapdesk: o endereço leva a outro lugar.</translation>
    </message>
    <message>
        <source>Nothing answered at {url}. Check the address, and that the tunnel or port forwarding is running.</source>
        <translation>Nada respondeu em {url}. Confira o endereço e se o túnel ou o redirecionamento de porta está funcionando.</translation>
    </message>
</context>
<context>
    <name>sending</name>
    <message>
        <source>ZapFlare&apos;s sending limit was reached until {time}</source>
        <translation>o limite de envio do ZapFlare foi atingido até {time}</translation>
    </message>
    <message>
        <source>ZapFlare&apos;s server failed (error {status})</source>
        <translation>o servidor do ZapFlare falhou (erro {status})</translation>
    </message>
    <message>
        <source>the number was not connected to WhatsApp</source>
        <translation>o número não estava conectado ao WhatsApp</translation>
    </message>
    <message>
        <source>WhatsApp did not accept this phone number</source>
        <translation>o WhatsApp não aceitou este número de telefone</translation>
    </message>
    <message>
        <source>ZapFlare refused the message as invalid</source>
        <translation>o ZapFlare recusou a mensagem como inválida</translation>
    </message>
    <message>
        <source>ZapFlare&apos;s sending limit was reached</source>
        <translation>o limite de envio do ZapFlare foi atingido</translation>
    </message>
    <message>
        <source>ZapFlare&apos;s server failed</source>
        <translation>o servidor do ZapFlare falhou</translation>
    </message>
    <message>
        <source>ZapFlare could not be reached (no network, or the server is down)</source>
        <translation>não foi possível alcançar o ZapFlare (sem rede, ou o servidor está fora do ar)</translation>
    </message>
    <message>
        <source>ZapFlare did not answer in time</source>
        <translation>o ZapFlare não respondeu a tempo</translation>
    </message>
    <message>
        <source>the account must be signed in again</source>
        <translation>é preciso entrar na conta de novo</translation>
    </message>
    <message>
        <source>this instance no longer exists on ZapFlare</source>
        <translation>esta instância não existe mais no ZapFlare</translation>
    </message>
    <message>
        <source>ZapFlare did not allow it for this account</source>
        <translation>o ZapFlare não permitiu isso para esta conta</translation>
    </message>
    <message>
        <source>zapdesk was closed while sending it</source>
        <translation>o zapdesk foi fechado durante o envio</translation>
    </message>
    <message>
        <source>no reason was recorded</source>
        <translation>nenhum motivo foi registrado</translation>
    </message>
    <message>
        <source>Not sent: {reason}.</source>
        <translation>Não enviada: {reason}.</translation>
    </message>
    <message>
        <source>It may have arrived anyway: check on the phone before sending it again.</source>
        <translation>Ela pode ter chegado mesmo assim: confira no celular antes de enviar de novo.</translation>
    </message>
    <message>
        <source>Message to {recipient} not sent: {reason}.</source>
        <translation>Mensagem para {recipient} não enviada: {reason}.</translation>
    </message>
    <message>
        <source>Not sent: WhatsApp reported that this message failed.</source>
        <translation>Não enviada: o WhatsApp informou que esta mensagem falhou.</translation>
    </message>
    <message>
        <source>Double-click to send it again, or right-click for more.</source>
        <translation>Clique duas vezes para enviar de novo, ou clique com o botão direito para mais opções.</translation>
    </message>
</context>
<context>
    <name>shortcuts</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atalhos de teclado</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
    <message>
        <source>Anywhere in the window</source>
        <translation>Em qualquer lugar da janela</translation>
    </message>
    <message>
        <source>Instances (the list and an instance&apos;s details)</source>
        <translation>Instâncias (a lista e os detalhes de uma instância)</translation>
    </message>
    <message>
        <source>In the instance list</source>
        <translation>Na lista de instâncias</translation>
    </message>
    <message>
        <source>Conversations (the list and the open chat)</source>
        <translation>Conversas (a lista e a conversa aberta)</translation>
    </message>
    <message>
        <source>In the message box</source>
        <translation>Na caixa de mensagem</translation>
    </message>
    <message>
        <source>Show these keyboard shortcuts</source>
        <translation>Mostrar estes atalhos de teclado</translation>
    </message>
    <message>
        <source>Show or hide the instance column</source>
        <translation>Mostrar ou ocultar a coluna de instâncias</translation>
    </message>
    <message>
        <source>Filter the instances</source>
        <translation>Filtrar as instâncias</translation>
    </message>
    <message>
        <source>Refresh every account</source>
        <translation>Atualizar todas as contas</translation>
    </message>
    <message>
        <source>Sign in to an account</source>
        <translation>Entrar em uma conta</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Preferências</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Sair</translation>
    </message>
    <message>
        <source>Next or previous field, list or button</source>
        <translation>Campo, lista ou botão seguinte ou anterior</translation>
    </message>
    <message>
        <source>Switch between Conversations and Details</source>
        <translation>Alternar entre Conversas e Detalhes</translation>
    </message>
    <message>
        <source>New instance</source>
        <translation>Nova instância</translation>
    </message>
    <message>
        <source>Edit the selected instance</source>
        <translation>Editar a instância selecionada</translation>
    </message>
    <message>
        <source>Delete the selected instance</source>
        <translation>Excluir a instância selecionada</translation>
    </message>
    <message>
        <source>Select the previous or next instance</source>
        <translation>Selecionar a instância anterior ou a próxima</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>Nova conversa</translation>
    </message>
    <message>
        <source>Search all messages</source>
        <translation>Pesquisar em todas as mensagens</translation>
    </message>
    <message>
        <source>Open the selected conversation</source>
        <translation>Abrir a conversa selecionada</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>Enviar a mensagem</translation>
    </message>
    <message>
        <source>New line</source>
        <translation>Nova linha</translation>
    </message>
    <message>
        <source>Quick replies: / then part of the shortcut or text; Up/Down choose, Enter or Tab insert, Esc closes</source>
        <translation>Respostas rápidas: / e parte do atalho ou do texto; Cima/Baixo escolhem, Enter ou Tab inserem, Esc fecha</translation>
    </message>
    <message>
        <source> or </source>
        <translation> ou </translation>
    </message>
</context>
<context>
    <name>status</name>
    <message>
        <source>Created</source>
        <translation>Criada</translation>
    </message>
    <message>
        <source>Waiting for QR scan</source>
        <translation>Aguardando leitura do QR</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Conectada</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Desconectada</translation>
    </message>
    <message>
        <source>Banned</source>
        <translation>Banida</translation>
    </message>
</context>
<context>
    <name>tray</name>
    <message>
        <source>Show zapdesk</source>
        <translation>Mostrar o zapdesk</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Sair</translation>
    </message>
    <message>
        <source>zapdesk is still running</source>
        <translation>O zapdesk continua aberto</translation>
    </message>
    <message>
        <source>It keeps receiving messages in the tray. To quit, choose Quit in the tray icon&apos;s menu.</source>
        <translation>Ele continua recebendo mensagens na bandeja. Para sair, escolha Sair no menu do ícone da bandeja.</translation>
    </message>
</context>
<context>
    <name>webhooks</name>
    <message>
        <source>the listener is not running</source>
        <translation>o receptor não está em execução</translation>
    </message>
    <message>
        <source>Messages are not being received: {reason}</source>
        <translation>As mensagens não estão sendo recebidas: {reason}</translation>
    </message>
    <message>
        <source>Webhook URL: {url}</source>
        <translation>URL do webhook: {url}</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>nenhum ainda</translation>
    </message>
    <message>
        <source>Events received since start: {count} · last event: {last}</source>
        <translation>Eventos recebidos desde o início: {count} · último evento: {last}</translation>
    </message>
    <message>
        <source>1 malformed request was refused (see the log).</source>
        <translation>1 requisição malformada foi recusada (veja o log).</translation>
    </message>
    <message>
        <source>{count} malformed requests were refused (see the log).</source>
        <translation>{count} requisições malformadas foram recusadas (veja o log).</translation>
    </message>
    <message>
        <source>No events for {minutes} minutes while instances are connected: check that their webhook points here.</source>
        <translation>Nenhum evento há {minutes} minutos com instâncias conectadas: verifique se o webhook delas aponta para cá.</translation>
    </message>
    <message>
        <source>This URL lasts only until zapdesk closes: no keyring is available to keep its secret.</source>
        <translation>Esta URL vale só até o zapdesk fechar: não há chaveiro (keyring) disponível para guardar o segredo dela.</translation>
    </message>
    <message>
        <source>The server cannot reach this computer&apos;s loopback address. Set the public address of a forwarded port or a tunnel in Preferences (Ctrl+,), and test it there.</source>
        <translation>O servidor não alcança o endereço local (loopback) deste computador. Informe nas Preferências (Ctrl+,) o endereço público de uma porta redirecionada ou de um túnel, e teste-o lá.</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Não definido</translation>
    </message>
    <message>
        <source>zapdesk is not receiving webhooks right now (see the account).</source>
        <translation>O zapdesk não está recebendo webhooks agora (veja a conta).</translation>
    </message>
    <message>
        <source>Messages arrive in zapdesk on this computer.</source>
        <translation>As mensagens chegam ao zapdesk neste computador.</translation>
    </message>
    <message>
        <source>zapdesk receives no messages from this instance.</source>
        <translation>O zapdesk não recebe mensagens desta instância.</translation>
    </message>
    <message>
        <source>Points to another system: messages go there, not to zapdesk.</source>
        <translation>Aponta para outro sistema: as mensagens vão para lá, não para o zapdesk.</translation>
    </message>
    <message>
        <source>Receive in zapdesk</source>
        <translation>Receber no zapdesk</translation>
    </message>
    <message>
        <source>Receive in zapdesk instead…</source>
        <translation>Receber no zapdesk em vez disso…</translation>
    </message>
    <message>
        <source>Replace the webhook?</source>
        <translation>Substituir o webhook?</translation>
    </message>
    <message>
        <source>“{name}” now sends its events to:
{url}

Another system may depend on them; after the change it receives nothing from this instance.</source>
        <translation>“{name}” envia hoje seus eventos para:
{url}

Outro sistema pode depender deles; depois da troca, ele não recebe mais nada desta instância.</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Substituir</translation>
    </message>
</context>
</TS>
