import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import type { Type } from '@nestjs/common';
import type { Connection, ConnectionArgs, Edge, PageLimits } from './connection.js';

@ObjectType({ description: 'Where a page stands in its list (Relay cursor connections).' })
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field()
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true })
  startCursor: string | null;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

/**
 * The `XConnection` and `XEdge` types of a list of `X`: one shape for every list (docs/api.md, "Paging").
 *
 * @example
 * \@ObjectType('CaseConnection') class CaseConnection extends connectionOf(ApplicationView, 'Case') {}
 */
export function connectionOf<T>(node: Type<T>, name: string): Type<Connection<T>> {
  @ObjectType(`${name}Edge`)
  class EdgeType implements Edge<T> {
    @Field({ description: 'Opaque; pass it as `after` or `before`.' })
    cursor: string;

    @Field(() => node)
    node: T;
  }
  @ObjectType({ isAbstract: true })
  class ConnectionType implements Connection<T> {
    @Field(() => [EdgeType])
    edges: EdgeType[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;
  }
  return ConnectionType;
}

/**
 * The paging arguments of a list, with its limits in their descriptions, so that the schema documents them.
 *
 * @example
 * \@ArgsType() class CasePaging extends pagingArgs({ defaultSize: 50, maxSize: 100 }) {}
 */
export function pagingArgs(limits: PageLimits): Type<ConnectionArgs> {
  @ArgsType()
  class PagingArgs implements ConnectionArgs {
    @Field(() => Int, {
      nullable: true,
      description: `Items from the start of the list (newest first), at most ${limits.maxSize}; ${limits.defaultSize} when neither first nor last is given.`,
    })
    first?: number | null;

    @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
    after?: string | null;

    @Field(() => Int, { nullable: true, description: `Items from the end of the list (the oldest), at most ${limits.maxSize}.` })
    last?: number | null;

    @Field(() => String, { nullable: true, description: 'The startCursor of the page after this one, to walk backwards.' })
    before?: string | null;
  }
  return PagingArgs;
}
