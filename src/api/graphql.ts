// API support: graphql-js, loaded as the one instance Apollo Server uses. graphql 16 ships both index.js (CJS)
// and index.mjs; Node (and so Apollo) loads index.js, while Vite-based tools pick index.mjs through the "module"
// field — two instances, and a schema or error from one fails the other's instanceof checks. Naming the file
// pins every importer to index.js.
export * from 'graphql/index.js';
