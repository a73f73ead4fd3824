# ser4j's web server (`ser4j serve`) in a container: docs/deploy.md says how to build, run and host it.
#
#   docker build -t ser4j .
#   docker run --rm -p 8080:8080 ser4j        # then open http://localhost:8080/
#
# The image holds ser4j's code and the bundled default model, which is weights only: no corpus audio is ever
# copied in (.dockerignore). Those weights were learnt from corpora licensed for research use (RAVDESS, SAVEE,
# TESS, EmoDB, EMOVO) and carry the same licences: see "The default model" in README.md before serving it in a
# product, or train your own model with `ser4j train` and pass it with --model.

# ---- build: the shaded ser4j.jar and the native-engine jars beside it ------------------------------------------
# Both stages are pinned to the same Temurin release (Ubuntu 24.04 "noble"), so the build and run JVMs agree.
FROM eclipse-temurin:17.0.15_6-jdk-noble AS build
WORKDIR /src
COPY . .
# -pl ser4j-cli -am builds the command and the modules it needs, nothing else; tests ran in CI, not here.
RUN ./mvnw -q -B -pl ser4j-cli -am package -DskipTests

# ---- runtime: a JRE, the jar, and nothing that needs root ------------------------------------------------------
FROM eclipse-temurin:17.0.15_6-jre-noble

# A fixed, unprivileged uid (10001), so Kubernetes' runAsNonRoot can check it without a name lookup.
RUN groupadd --system --gid 10001 ser4j \
    && useradd --system --uid 10001 --gid ser4j --home-dir /app --no-create-home --shell /usr/sbin/nologin ser4j

WORKDIR /app
COPY --from=build /src/ser4j-cli/target/ser4j.jar /app/ser4j.jar
# ONNX Runtime is what Silero VAD (--vad silero) runs on; ser4j.jar's Class-Path finds it in lib/.
COPY --from=build /src/ser4j-cli/target/lib/onnxruntime-*.jar /app/lib/
# PyTorch's native jar (112 MB) is left out on purpose: the default model, like every MLP over per-clip features,
# runs on ser4j's pure-Java engine. Models with other architectures (CNNs, LSTMs over frames) need DJL's PyTorch
# engine; to serve one, add this line (the jar's Class-Path already names it) and give the container ~1 GB more:
#   COPY --from=build /src/ser4j-cli/target/lib/pytorch-native-cpu-*.jar /app/lib/
# PyTorch then unpacks its native library under $HOME/.djl.ai (or DJL_CACHE_DIR), which must be writable.

USER 10001:10001

# The server listens on $PORT (Azure App Service and most platforms set it); uploads go to java.io.tmpdir (/tmp).
ENV PORT=8080
EXPOSE 8080

# curl ships in the Temurin Ubuntu images. /health answers as long as the process does (liveness);
# the shell form expands $PORT when it is overridden.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD curl -fsS "http://127.0.0.1:${PORT}/health" > /dev/null || exit 1

# The heap follows the container's memory limit; arguments after the image name go to `ser4j serve`.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/ser4j.jar", "serve"]
