# syntax=docker/dockerfile:1
# One image recipe for every deployable workspace:
#   docker build --build-arg WORKSPACE=services/contacts .
#   docker build --build-arg WORKSPACE=gateway .

ARG NODE_IMAGE=node:20-bookworm-slim

# Only the npm manifests, gathered without listing workspaces by hand, so a new
# workspace cannot be forgotten here. Copying them alone into the build stage keeps
# the `npm ci` layer cached until a dependency actually changes.
FROM ${NODE_IMAGE} AS manifests
WORKDIR /app
COPY . .
RUN mkdir /manifests \
 && find . -name node_modules -prune -o -type f \( -name package.json -o -name package-lock.json \) -print \
    | xargs -I{} cp --parents {} /manifests/

FROM ${NODE_IMAGE} AS build
ARG WORKSPACE
ENV TURBO_TELEMETRY_DISABLED=1
WORKDIR /app
RUN test -n "${WORKSPACE}" || { echo 'build with --build-arg WORKSPACE=<path>, e.g. services/contacts or gateway' >&2; exit 1; }
COPY --from=manifests /manifests/ ./
RUN npm ci --no-audit --no-fund
COPY . .
# The package's own dependencies first (`...`), so only what this image runs is compiled.
RUN npx turbo run build --filter="$(node -p "require('./${WORKSPACE}/package.json').name")..."
# tsc emits only JavaScript, but the services load their SDL relative to the compiled
# module (import.meta.url), and the gateway composes those same files; ship every
# src/**/*.graphql at the same path under dist/.
RUN find . -name node_modules -prune -o -type f -path '*/src/*.graphql' -print \
    | while IFS= read -r file; do \
        workspace="${file%%/src/*}"; \
        [ -d "${workspace}/dist" ] || continue; \
        target="${workspace}/dist/${file#"${workspace}"/src/}"; \
        mkdir -p "$(dirname "${target}")" && cp "${file}" "${target}"; \
      done
RUN npm prune --omit=dev --no-audit --no-fund
# The runtime needs, per workspace, what node_modules/@rapport/* links resolve to:
# package.json (exports), dist, and any nested node_modules; not sources or tests.
RUN mkdir /release \
 && cp -a package.json node_modules /release/ \
 && npm query .workspace \
    | node -e 'let s="";process.stdin.on("data",(d)=>(s+=d)).on("end",()=>{for(const w of JSON.parse(s))console.log(w.location)})' \
    | while IFS= read -r workspace; do \
        mkdir -p "/release/${workspace}"; \
        for part in package.json dist bin node_modules; do \
          [ ! -e "${workspace}/${part}" ] || cp -a "${workspace}/${part}" "/release/${workspace}/"; \
        done; \
      done \
 && test -f "/release/${WORKSPACE}/dist/index.js"

FROM ${NODE_IMAGE} AS runtime
ARG WORKSPACE
ENV NODE_ENV=production
# Owned by root and run as `node`: the process cannot rewrite its own code.
COPY --from=build /release /app
USER node
WORKDIR /app/${WORKSPACE}
CMD ["node", "dist/index.js"]
