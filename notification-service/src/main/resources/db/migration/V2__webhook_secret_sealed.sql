-- Webhook secrets are stored sealed (AES-256-GCM, libs/platform TemplateCipher): "<keyId>:<base64>".
alter table bureau_webhook alter column secret type varchar(512);
alter table bureau_webhook alter column previous_secret type varchar(512);
