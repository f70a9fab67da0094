/** `/console/settings.json`: what the node tells the page before anyone signs in (libs/console-host). */
export interface ConsoleSettings {
  country: string;
  audience: string;
  graphqlPath: string;
  languages: string[];
  defaultLanguage: string;
  devSignIn: boolean;
  oidc: { issuer: string; clientId: string } | null;
}

export async function loadSettings(): Promise<ConsoleSettings> {
  const response = await fetch('/console/settings.json');
  if (!response.ok) throw new Error(`settings: HTTP ${response.status}`);
  return (await response.json()) as ConsoleSettings;
}
