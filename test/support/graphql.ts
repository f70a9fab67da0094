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
    'query Node($lang: String) { node(lang: $lang) { country name rootKeyThumbprints protocolVersion languages } }',
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
