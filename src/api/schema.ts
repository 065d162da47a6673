// API schema: schema.graphql (the truth) built with graphql-js and bound to the resolver map; a resolver for a
// type or field the schema does not have is a start-up error, never a silently ignored entry.
import { readFileSync } from 'node:fs';
import type { Resolvers } from './generated/resolver-types.ts';
import {
  buildSchema,
  type GraphQLFieldResolver,
  GraphQLScalarType,
  type GraphQLSchema,
  type GraphQLTypeResolver,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isUnionType,
} from './graphql.ts';

export const SCHEMA_URL = new URL('../../schema.graphql', import.meta.url);

export function loadSchemaText(): string {
  return readFileSync(SCHEMA_URL, 'utf8');
}

export function buildApiSchema(sdl: string, resolvers: Resolvers): GraphQLSchema {
  const schema = buildSchema(sdl);
  for (const [typeName, entry] of Object.entries(resolvers) as Array<[string, unknown]>) {
    const type = schema.getType(typeName);
    if (type === undefined) throw new Error(`resolvers name a type the schema does not have: ${typeName}`);
    if (isScalarType(type)) {
      if (!(entry instanceof GraphQLScalarType))
        throw new Error(`scalar ${typeName} needs a GraphQLScalarType`);
      type.serialize = entry.serialize;
      type.parseValue = entry.parseValue;
      type.parseLiteral = entry.parseLiteral;
    } else if (isObjectType(type)) {
      const fields = type.getFields();
      for (const [fieldName, resolve] of Object.entries(entry as Record<string, unknown>)) {
        const field = fields[fieldName];
        if (field === undefined)
          throw new Error(`resolvers name a field the schema does not have: ${typeName}.${fieldName}`);
        field.resolve = resolve as GraphQLFieldResolver<unknown, unknown>;
      }
    } else if (isInterfaceType(type) || isUnionType(type)) {
      type.resolveType = (entry as { __resolveType: GraphQLTypeResolver<unknown, unknown> }).__resolveType;
    } else {
      throw new Error(`resolvers for ${typeName}, which takes none`);
    }
  }
  return schema;
}
