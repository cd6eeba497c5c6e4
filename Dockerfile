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
# The serial collector with a 256 MB young generation: Tandem's live heap is small (34 MB after a collection)
# and a command allocates a lot, so the young collections are what shows in the tail of Slack's
# acknowledgements; a large young generation makes them half as frequent (5-7 ms each every 2 s at 200
# commands a second), and the serial collector takes no cores from the requests. Measured in README
# "Performance" (G1, parallel and serial at their defaults: p99 about 2x a bare acknowledgement; this: 1.24x).
ENV TANDEM_DATA_DIR=/data \
    JAVA_TOOL_OPTIONS="-XX:+UseSerialGC -Xmn256m -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
VOLUME /data
EXPOSE 8080
# Probes: GET /actuator/health/liveness and /actuator/health/readiness (the JRE image has no curl for a
# HEALTHCHECK; Kubernetes probes them, see manifests/k8s). Runs with a read-only root filesystem when /tmp and
# /data are writable volumes.
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
