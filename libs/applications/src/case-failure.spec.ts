import { describe, expect, it } from 'vitest';
import { MESSAGES } from '@ots/i18n';
import { describeFailure, type FailureTexts } from './case-failure.js';

const texts = (lang: 'en' | 'kk'): FailureTexts => ({
  knows: (key) => key in MESSAGES.en,
  render: (key, params) =>
    Object.entries(params).reduce(
      (text, [name, value]) => text.replaceAll(`{{${name}}}`, String(value)),
      (MESSAGES[lang] as Record<string, string>)[key] ?? '',
    ),
});
const application = { id: 'a1', serviceCode: 'TR-RP-WORK', destination: 'TR', homeCountry: 'KZ' };

describe(describeFailure.name, () => {
  it("says the partner domain's reason in the reader's language, with the case's facts", () => {
    const failure = { code: 'MESSAGE_NOT_ACCEPTED', reason: 'SERVICE_NOT_OPEN' };
    expect(describeFailure(failure, application, texts('en'))).toBe(
      'Service TR-RP-WORK of TR is not open to citizens of KZ through the federation.',
    );
    expect(describeFailure(failure, application, texts('kk'))).toContain('TR-RP-WORK');
    expect(describeFailure(failure, application, texts('kk'))).not.toBe(describeFailure(failure, application, texts('en')));
  });

  it("falls back to the refusal's own message when the reason is not one this node knows", () => {
    expect(describeFailure({ code: 'MESSAGE_UNTRUSTED', reason: 'SOMETHING_NEW' }, application, texts('en'))).toBe(
      'The message is not signed by a trusted, unrevoked key of its sender.',
    );
  });

  it('says plainly that the partner did not accept it when no message can be filled from the case', () => {
    expect(describeFailure({ code: 'EVIDENCE_NOT_VERIFIED', reason: null }, application, texts('en'))).toBe(
      "The node of TR did not accept this application's message (EVIDENCE_NOT_VERIFIED).",
    );
    expect(describeFailure({ code: 'NO_SUCH_CODE', reason: null }, application, texts('en'))).toBe(
      "The node of TR did not accept this application's message (NO_SUCH_CODE).",
    );
  });
});
