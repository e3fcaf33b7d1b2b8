#!/usr/bin/env bash
# Creates the Secrets the dev overlay references but never contains (random values, generated here).
# Run once per dev namespace, before `kubectl apply -k deploy/k8s/overlays/dev`. Idempotent: existing
# Secrets are left alone (rotating keys in place would make existing templates and hashes unreadable).
set -euo pipefail
NS="${1:-lifecert-dev}"
kubectl get namespace "$NS" >/dev/null 2>&1 || kubectl create namespace "$NS"

create() { # name, then --from-literal/--type arguments
  local name="$1"; shift
  if kubectl -n "$NS" get secret "$name" >/dev/null 2>&1; then
    echo "secret $name exists, kept"
  else
    kubectl -n "$NS" create secret generic "$name" "$@" >/dev/null
    echo "secret $name created"
  fi
}
rand() { openssl rand -base64 32; }

# PII keys (libs/platform PiiConfig): HMAC key of the ID-number hash; AES-256 template key ring.
create lifecert-pii-id-hash --from-literal=LIFECERT_PII_ID_HASH_KEY="$(rand)"
create lifecert-pii-templates \
  --from-literal=LIFECERT_PII_TEMPLATE_KEY_ID=k1 \
  --from-literal=LIFECERT_PII_TEMPLATE_KEYS_K1="$(rand)"
# Debezium's PostgreSQL logins (CloudNativePG managed role `debezium`; basic-auth Secrets).
for db in enrollment gateway facematch liveness appeal; do
  create "pg-$db-debezium" --type=kubernetes.io/basic-auth \
    --from-literal=username=debezium --from-literal=password="$(openssl rand -hex 24)"
done
# Recipients' session tokens (capture-gateway) and the console client of realm lifecert (appeal and
# enrollment consoles; the Keycloak realm import reads the same Secret).
create lifecert-gateway-token --from-literal=LIFECERT_GATEWAY_TOKEN_SIGNING_KEY="$(rand)"
create lifecert-oidc-console --from-literal=secret="$(openssl rand -hex 24)"
# KEDA's Kafka login (KafkaUser keda-lag-reader takes its password from here).
create keda-lag-reader-credentials --from-literal=username=keda-lag-reader \
  --from-literal=password="$(openssl rand -hex 24)"
# Notification channels: a dev SMTP sink without credentials; fill in real values for a real relay.
create notification-channels \
  --from-literal=LIFECERT_SMTP_HOST=mailpit.lifecert-dev.svc \
  --from-literal=LIFECERT_SMTP_PORT=1025 \
  --from-literal=LIFECERT_SMS_ENDPOINT= \
  --from-literal=LIFECERT_SMS_USERNAME= \
  --from-literal=LIFECERT_SMS_PASSWORD=
