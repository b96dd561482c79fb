# The Shipshape image the reconcile CronJob runs (docs/operations.md).
# Not built in this repository's CI (no container runtime there): build it where Docker or
# Podman is available: docker build -t shipshape/shipshape:0.1.0 .
#
# Build stage: the official Swift image with the -dev packages of the system libraries
# Shipshape links (libyaml, libgit2, libcurl, zlib).
# SWIFT_VERSION matches the toolchain the code is built and tested with (6.3).
ARG SWIFT_VERSION=6.3
FROM swift:${SWIFT_VERSION}-bookworm AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends pkg-config libyaml-dev libgit2-dev libcurl4-openssl-dev zlib1g-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# The whole package: Package.swift declares the test, benchmark and fuzz targets too
# (.dockerignore keeps build products and git out).
COPY . .
RUN swift build -c release --product shipshape --static-swift-stdlib \
 && install -D .build/release/shipshape /out/shipshape

# Run stage: the official slim Swift image (the Swift runtime without the toolchain) with the
# runtime packages only.
FROM swift:${SWIFT_VERSION}-bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends libyaml-0-2 libgit2-1.5 libcurl4 zlib1g ca-certificates openssh-client \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --uid 65532 --home-dir /home/shipshape --create-home shipshape
COPY --from=build /out/shipshape /usr/local/bin/shipshape
USER 65532:65532
WORKDIR /home/shipshape
ENTRYPOINT ["/usr/local/bin/shipshape"]
CMD ["--help"]
