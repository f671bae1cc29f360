# One image per host, built from this file with --build-arg PROJECT=<path of the .csproj>:
#   docker build -f Dockerfile --build-arg PROJECT=services/Patients/Platform.Patients/Platform.Patients.csproj \
#     -t registry.example.org/medical-deserts/platform-patients:0.1.0 .
# (the same for missions, funding, coordination and gateway/Platform.Gateway; see README, "Deploy").
# Multi-stage: the SDK builds, the runtime image is Ubuntu chiseled (no shell, no package manager), non-root (uid 1654).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG PROJECT
WORKDIR /src
COPY . .
# The host assembly is published as app.dll, so one ENTRYPOINT serves every image (chiseled has no shell).
RUN dotnet publish "$PROJECT" -c Release -o /app -p:UseAppHost=false -p:ContainerHost="$(basename "$PROJECT" .csproj)"

FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled AS runtime
WORKDIR /app
COPY --from=build /app .
USER 1654
ENV ASPNETCORE_ENVIRONMENT=Production \
    Kestrel__Endpoints__Http__Url=http://+:8080 \
    DOTNET_gcServer=0
EXPOSE 8080 8081
# "migrate" as argument (the chart's migration Job) applies the migrations and exits.
ENTRYPOINT ["dotnet", "app.dll"]
