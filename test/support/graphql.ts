/** One helper per GraphQL operation, so that tests read as scenarios. */
export interface GraphqlResponse<T> {
  status: number;
  data: T | null;
  errors?: { message: string; extensions: { code: string; detail?: string } }[];
}

export async function graphql<T = Record<string, any>>(
  url: string,
  query: string,
  options: { variables?: Record<string, unknown>; token?: string; lang?: string } = {},
): Promise<GraphqlResponse<T>> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.lang ? { 'accept-language': options.lang } : {}),
    },
    body: JSON.stringify({ query, variables: options.variables ?? {} }),
  });
  const body = (await response.json()) as Omit<GraphqlResponse<T>, 'status'>;
  return { status: response.status, ...body };
}

export const nodeInfo = (url: string, lang?: string) =>
  graphql<{ node: { country: string; name: string; rootKeyThumbprints: string[]; protocolVersion: string; languages: string[] } }>(
    url,
    'query Node($lang: Language) { node(lang: $lang) { country name rootKeyThumbprints protocolVersion languages } }',
    { variables: { lang } },
  );

export const trustAnchors = (url: string, token?: string, lang?: string) =>
  graphql<{ trustAnchors: { country: string; status: string; keys: { thumbprint: string; source: string }[] }[] }>(
    url,
    '{ trustAnchors { country status keys { thumbprint source } } }',
    { token, lang },
  );

export const addTrustAnchor = (url: string, token: string, input: { country: string; thumbprints: string[]; baseUrl: string }) =>
  graphql<{ addTrustAnchor: { country: string; status: string } }>(
    url,
    'mutation Add($input: AddTrustAnchorInput!) { addTrustAnchor(input: $input) { country status } }',
    { token, variables: { input } },
  );

export interface Verification {
  valid: boolean;
  reason: string;
  statusChecked: boolean;
  issuerCountry: string | null;
  documentType: string | null;
  subject: string | null;
  claims: Record<string, unknown> | null;
}

export const verifyDocument = async (url: string, jws: string): Promise<Verification> => {
  const res = await graphql<{ verifyDocument: Verification }>(
    url,
    'query Verify($jws: String!) { verifyDocument(jws: $jws) { valid reason statusChecked issuerCountry documentType subject claims } }',
    { variables: { jws } },
  );
  if (!res.data) throw new Error(`verifyDocument failed: ${JSON.stringify(res.errors)}`);
  return res.data.verifyDocument;
};

export const issueDocument = async (
  url: string,
  token: string,
  input: { docType: string; subject: string; claims: Record<string, unknown>; validDays: number; lang: string },
) => {
  const res = await graphql<{ issueDocument: { jws: string; jti: string; expiresAt: string } }>(
    url,
    'mutation Issue($input: IssueDocumentInput!) { issueDocument(input: $input) { jws jti expiresAt } }',
    { token, variables: { input } },
  );
  if (!res.data) throw new Error(`issueDocument failed: ${JSON.stringify(res.errors)}`);
  return res.data.issueDocument;
};

export const revokeDocument = (url: string, token: string, jti: string, reason: string) =>
  graphql<{ revokeDocument: { jti: string; revokedAt: string } }>(
    url,
    'mutation Revoke($jti: String!, $reason: String!) { revokeDocument(jti: $jti, reason: $reason) { jti revokedAt } }',
    {
      token,
      variables: { jti, reason },
    },
  );

/** A connection's nodes, in list order. */
export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}
export const nodesOf = <T>(connection: { edges: { node: T }[] }): T[] => connection.edges.map((e) => e.node);

/**
 * Every node of a connection field, walking its pages forwards with `first`/`after` (100 a page, the maximum):
 * what a partner's client does to read a whole list. `args` and `variableDefinitions` add a filter.
 */
export async function allNodes<T>(
  url: string,
  field: string,
  selection: string,
  options: { token?: string; args?: string; variableDefinitions?: string; variables?: Record<string, unknown> } = {},
): Promise<T[]> {
  const query = `query($after: String${options.variableDefinitions ? `, ${options.variableDefinitions}` : ''}) {
    page: ${field}(first: 100, after: $after${options.args ? `, ${options.args}` : ''}) {
      edges { node { ${selection} } }
      pageInfo { hasNextPage endCursor }
    }
  }`;
  const nodes: T[] = [];
  for (let after: string | null = null; ;) {
    const res: GraphqlResponse<{ page: Connection<T> }> = await graphql(url, query, {
      token: options.token,
      variables: { ...options.variables, after },
    });
    if (!res.data) throw new Error(`${field}: ${JSON.stringify(res.errors)}`);
    nodes.push(...nodesOf(res.data.page));
    if (!res.data.page.pageInfo.hasNextPage) return nodes;
    after = res.data.page.pageInfo.endCursor;
  }
}
