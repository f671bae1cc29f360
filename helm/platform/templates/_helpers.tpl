{{/* Common names and labels. */}}
{{- define "platform.fullname" -}}
{{- printf "%s" .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}

{{- define "platform.labels" -}}
app.kubernetes.io/instance: {{ .Release.Name }}
{{ include "platform.commonLabels" . }}
{{- end -}}

{{/* Labels of pod templates, beside the selector (which carries the instance). */}}
{{- define "platform.commonLabels" -}}
app.kubernetes.io/part-of: platform
app.kubernetes.io/version: {{ .Values.image.tag | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version }}
{{- end -}}

{{- define "platform.selector" -}}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/name: {{ .name }}
{{- end -}}

{{/*
A host's image: <registry>/platform-<name>:<tag> by default; each host may name its own repository and tag
(services.<name>.image, gateway.image), and pin a digest (then <repository>:<tag>@<digest>: the digest decides).
*/}}
{{- define "platform.image" -}}
{{- $own := dict -}}
{{- if eq .name "gateway" -}}
{{- $own = .root.Values.gateway.image | default dict -}}
{{- else -}}
{{- $own = (index .root.Values.services .name).image | default dict -}}
{{- end -}}
{{- $repository := $own.repository | default (printf "%s/platform-%s" .root.Values.image.registry .name) -}}
{{- $tag := $own.tag | default .root.Values.image.tag -}}
{{ $repository }}:{{ $tag }}{{ with $own.digest }}@{{ . }}{{ end }}
{{- end -}}

{{/* Pod-level security: non-root, seccomp RuntimeDefault. */}}
{{- define "platform.podSecurity" -}}
runAsNonRoot: true
runAsUser: 1654
runAsGroup: 1654
fsGroup: 1654
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/* Container-level security: read-only root filesystem, no privilege escalation, no capability. */}}
{{- define "platform.containerSecurity" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
runAsNonRoot: true
capabilities:
  drop: ["ALL"]
{{- end -}}

{{/* Where every service is, under the names service discovery reads (services__<name>__http__0 / __grpc__0). */}}
{{- define "platform.serviceAddresses" -}}
{{- $root := . -}}
{{- range $name, $svc := .Values.services }}
- name: services__{{ $name }}__http__0
  value: http://{{ include "platform.fullname" $root }}-{{ $name }}:8080
- name: services__{{ $name }}__grpc__0
  value: http://{{ include "platform.fullname" $root }}-{{ $name }}:8081
{{- end }}
{{- end -}}

{{- define "platform.secretEnv" -}}
- name: {{ .env }}
  valueFrom:
    secretKeyRef:
      name: {{ .secret }}
      key: {{ .key }}
{{- end -}}

{{/*
What every signal says of its sender (see TelemetryResource in ServiceDefaults): the service's name, the image's version,
the release's environment and where it runs in the cluster, in the standard OpenTelemetry variables.
*/}}
{{- define "platform.telemetryEnv" -}}
{{- $root := .root -}}
- name: POD_NAME
  valueFrom: {fieldRef: {fieldPath: metadata.name}}
- name: POD_NAMESPACE
  valueFrom: {fieldRef: {fieldPath: metadata.namespace}}
- name: NODE_NAME
  valueFrom: {fieldRef: {fieldPath: spec.nodeName}}
- name: OTEL_SERVICE_NAME
  value: {{ .name }}
- name: OTEL_RESOURCE_ATTRIBUTES
  value: "service.version={{ $root.Values.image.tag }},deployment.environment={{ $root.Values.telemetry.environment }},deployment.environment.name={{ $root.Values.telemetry.environment }},k8s.pod.name=$(POD_NAME),k8s.namespace.name=$(POD_NAMESPACE),k8s.node.name=$(NODE_NAME),k8s.deployment.name={{ include "platform.fullname" $root }}-{{ .name }}"
{{- if $root.Values.telemetry.otlpEndpoint }}
- name: OTEL_EXPORTER_OTLP_ENDPOINT
  value: {{ $root.Values.telemetry.otlpEndpoint | quote }}
{{- end }}
{{- end -}}

{{/* Egress to one of the servers: the in-cluster dev instance, or the managed server's CIDRs and port. */}}
{{- define "platform.egressTo" -}}
{{- $np := .root.Values.networkPolicy -}}
{{- $server := get $np .server -}}
{{- if and .root.Values.devDependencies.enabled (not (has .server (list "otlp" "oidc"))) }}
- to:
    - podSelector:
        matchLabels:
          app.kubernetes.io/instance: {{ .root.Release.Name }}
          app.kubernetes.io/name: dev-{{ .server }}
  ports:
    - {protocol: TCP, port: {{ $server.port }}}
{{- else if $server.cidrs }}
- to:
    {{- range $server.cidrs }}
    - ipBlock: {cidr: {{ . }}}
    {{- end }}
  ports:
    - {protocol: TCP, port: {{ $server.port }}}
{{- end }}
{{- end -}}

{{/* Prometheus' scrape port (monitoring.metrics): the Kestrel endpoint, the container port, the Service port. */}}
{{- define "platform.metricsEnv" -}}
{{- if .Values.monitoring.metrics.enabled }}
- {name: Kestrel__Endpoints__Metrics__Url, value: "http://+:{{ .Values.monitoring.metrics.port }}"}
{{- end }}
{{- end -}}

{{- define "platform.metricsContainerPort" -}}
{{- if .Values.monitoring.metrics.enabled }}
- {name: metrics, containerPort: {{ .Values.monitoring.metrics.port }}, protocol: TCP}
{{- end }}
{{- end -}}

{{- define "platform.metricsServicePort" -}}
{{- if .Values.monitoring.metrics.enabled }}
- {name: metrics, port: {{ .Values.monitoring.metrics.port }}, targetPort: metrics, protocol: TCP}
{{- end }}
{{- end -}}

{{/* Ingress to the metrics port from the monitoring namespace only. */}}
{{- define "platform.metricsIngress" -}}
{{- if .Values.monitoring.metrics.enabled }}
- from:
    - namespaceSelector:
        matchLabels: {kubernetes.io/metadata.name: {{ .Values.monitoring.namespace }}}
  ports:
    - {protocol: TCP, port: {{ .Values.monitoring.metrics.port }}}
{{- end }}
{{- end -}}

{{/* Bearer tokens (gateway.jwt): the issuer, the claims read, Pro Santé Connect professionals. */}}
{{- define "platform.jwtEnv" -}}
{{- $jwt := .Values.gateway.jwt -}}
{{- if $jwt.authority }}
- {name: Gateway__Jwt__Authority, value: {{ $jwt.authority | quote }}}
- {name: Gateway__Jwt__Audience, value: {{ $jwt.audience | quote }}}
- {name: Gateway__Jwt__PartnerClaim, value: {{ $jwt.partnerClaim | quote }}}
- {name: Gateway__Jwt__RoleClaim, value: {{ $jwt.roleClaim | quote }}}
- {name: Gateway__Jwt__ScopeClaim, value: {{ $jwt.scopeClaim | quote }}}
- {name: Gateway__Jwt__Professionals__Enabled, value: {{ $jwt.professionals.enabled | quote }}}
{{- range $i, $code := $jwt.professionals.professions }}
- {name: Gateway__Jwt__Professionals__Professions__{{ $i }}, value: {{ $code | quote }}}
{{- end }}
{{- end }}
{{- end -}}

{{/* What a host's values may add to its pods: annotations, environment, affinity (services.<name>.*, gateway.*). */}}
{{- define "platform.podAnnotations" -}}
{{- with .podAnnotations }}
annotations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}
