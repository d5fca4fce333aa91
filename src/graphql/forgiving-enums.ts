import { GraphQLEnumType, GraphQLError, type GraphQLSchema, Kind, type ValueNode } from 'graphql';
import { type Vocabulary, wordIn } from '../domain/words.js';

const unknownWord = (typeName: string, value: string, words: Vocabulary) =>
  new GraphQLError(
    `"${value.slice(0, 60)}" is not a value of ${typeName}; use one of: ${Object.keys(words).join(', ')}`,
    { extensions: { code: 'BAD_USER_INPUT' } },
  );

/**
 * The enums of the model's vocabularies also take their values in any case, as an enum literal or a
 * string ("demand", "Demand", DEMAND); anything else is BAD_USER_INPUT naming the allowed values.
 */
export function forgiveCase(schema: GraphQLSchema, vocabularies: Record<string, Vocabulary>): GraphQLSchema {
  for (const [typeName, words] of Object.entries(vocabularies)) {
    const type = schema.getType(typeName);
    if (!(type instanceof GraphQLEnumType)) throw new Error(`no enum ${typeName} in the schema`);
    const word = (value: string) => {
      const w = wordIn(words, value);
      if (w === undefined) throw unknownWord(typeName, value, words);
      return w;
    };
    const parseValue = type.parseValue.bind(type);
    const parseLiteral = type.parseLiteral.bind(type);
    type.parseValue = (value: unknown) => parseValue(typeof value === 'string' ? word(value) : value);
    type.parseLiteral = (node: ValueNode, variables?: { [key: string]: unknown } | null) =>
      node.kind === Kind.ENUM || node.kind === Kind.STRING
        ? parseLiteral({ kind: Kind.ENUM, value: word(node.value) }, variables)
        : parseLiteral(node, variables);
  }
  return schema;
}
