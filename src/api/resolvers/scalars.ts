// API resolvers: the Date scalar — a real calendar day, YYYY-MM-DD (31/6/2022 is refused, never shifted).

import { parseDay } from '../deadlines.ts';
import { GraphQLError, GraphQLScalarType, Kind } from '../graphql.ts';

function day(value: unknown): string {
  const parsed = typeof value === 'string' ? parseDay(value) : null;
  if (parsed === null)
    throw new GraphQLError(`Date must be a calendar day YYYY-MM-DD, got ${JSON.stringify(value)}`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  return parsed;
}

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  serialize: (value) => day(value),
  parseValue: (value) => day(value),
  parseLiteral: (ast) => day(ast.kind === Kind.STRING ? ast.value : undefined),
});
