# Tandem: build with the JDK and Maven wrapper, run on a JRE as a non-root user.
#   docker build -t tandem .
#   docker run -p 8080:8080 tandem                      (local mode: embedded Redis, data in the /data volume)
#   docker run -p 8080:8080 -e REDIS_URL=redis://redis:6379 -e TANDEM_CONSOLE_ENABLED=false tandem

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp -q dependency:go-offline
COPY src/ src/
RUN ./mvnw -B -ntp -q package -DskipTests \
 && java -Djarmode=tools -jar target/tandem-*.jar extract --layers --launcher --destination /app

FROM eclipse-temurin:17-jre
# A fixed numeric user, so Kubernetes can check runAsNonRoot (manifests/k8s).
RUN groupadd --system --gid 10001 tandem \
 && useradd --system --uid 10001 --gid tandem --home-dir /app --shell /usr/sbin/nologin tandem \
 && mkdir -p /data && chown tandem:tandem /data
WORKDIR /app
# One layer per rate of change: libraries first, the application last.
COPY --from=build /app/dependencies/ ./
COPY --from=build /app/spring-boot-loader/ ./
COPY --from=build /app/snapshot-dependencies/ ./
COPY --from=build /app/application/ ./
USER 10001:10001
ENV TANDEM_DATA_DIR=/data \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
VOLUME /data
EXPOSE 8080
# Probes: GET /actuator/health/liveness and /actuator/health/readiness (the JRE image has no curl for a
# HEALTHCHECK; Kubernetes probes them, see manifests/k8s). Runs with a read-only root filesystem when /tmp and
# /data are writable volumes.
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
