import type { ApplicationEntity, CaseFailure } from './application.entities.js';

/** Renders a message by key in the reader's language; `knows` says whether the key has a message. */
export interface FailureTexts {
  knows(key: string): boolean;
  render(key: string, params: Record<string, string | number>): string;
}

/**
 * Why a case is undelivered, in the reader's language, from the refusal's codes alone (the partner's own words are in
 * the working language, for the admin): the partner domain's reason when this node can say it with what the case
 * knows (`SERVICE_NOT_OPEN`: the service, the destination, the home country), else the refusal's, else a plain
 * "did not accept" naming the code.
 *
 * @example
 * describeFailure({ code: 'MESSAGE_NOT_ACCEPTED', reason: 'SERVICE_NOT_OPEN', ... }, application, texts)
 * // 'Service TR-RP-WORK of TR is not open to citizens of KZ through the federation.'
 */
export function describeFailure(
  failure: Pick<CaseFailure, 'code' | 'reason'>,
  application: Pick<ApplicationEntity, 'id' | 'serviceCode' | 'destination' | 'homeCountry'>,
  texts: FailureTexts,
): string {
  const params = {
    code: application.serviceCode,
    country: application.destination,
    home: application.homeCountry,
    id: application.id,
  };
  for (const key of [failure.reason, failure.code]) {
    if (!key || !texts.knows(key)) continue;
    const text = texts.render(key, params);
    // A message that needs a fact the case does not hold (a placeholder left) says less than the fallback.
    if (!text.includes('{{')) return text;
  }
  return texts.render('CASE_UNDELIVERED', { country: application.destination, code: failure.reason ?? failure.code });
}
