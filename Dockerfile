# The GraphQL server only; Neo4j runs as its own service (docker-compose.yml).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
RUN apt-get update && apt-get install -y --no-install-recommends wget && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts
COPY tsconfig.json ./
COPY src ./src
COPY cypher ./cypher
COPY data ./data
COPY web ./web
# The explorer's page, bundled from the installed npm packages (npm start would do it too).
RUN node --import tsx src/web/build-cli.ts
EXPOSE 4000
USER node
CMD ["node", "--import", "tsx", "src/server.ts"]
