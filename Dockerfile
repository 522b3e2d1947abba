# The server's container image: built from this clone, run as an unprivileged user.
#   docker build -t auth-backbone .
# A complete example with PostgreSQL and a mail catcher: docs/deploy/compose.yaml (docs/operations.md).

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -ntp -pl bootstrap -am package -DskipTests

FROM eclipse-temurin:17-jre
# A fixed, unprivileged uid owns the data directory (the embedded database or generated keys).
RUN groupadd --system --gid 10001 auth \
 && useradd --system --uid 10001 --gid auth --home-dir /var/lib/auth-backbone --create-home auth
COPY --from=build /src/bootstrap/target/auth-backbone.jar /opt/auth-backbone/auth-backbone.jar
USER 10001:10001
WORKDIR /var/lib/auth-backbone
# Listening on every interface of the container needs a real mail server: without AUTH_SMTP_HOST
# the server refuses to start, since the development inbox is for a loopback bind only.
ENV AUTH_HTTP_HOST=0.0.0.0 \
    AUTH_HTTP_PORT=8080 \
    AUTH_DATA_DIR=/var/lib/auth-backbone/data
VOLUME ["/var/lib/auth-backbone/data"]
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/opt/auth-backbone/auth-backbone.jar"]
