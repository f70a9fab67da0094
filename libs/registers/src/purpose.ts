/** What a read of a person's register data may serve; docs/national-registers.openapi.yaml's `X-OTS-Purpose`. */
export const PURPOSE_KINDS = ['case', 'taxpayer-check', 'consent'] as const;
export type PurposeKind = (typeof PURPOSE_KINDS)[number];

/** The acts a person asks for themselves while signed in (their consent to the read). */
export const CONSENT_ACTS = ['application', 'evidence-answer', 'tax-certificate', 'evidence-preview'] as const;
export type ConsentAct = (typeof CONSENT_ACTS)[number];

/** The parts of a person's register data a read may return. */
export const DATA_CATEGORIES = ['identity', 'taxpayer', 'tax-residence', 'criminal-record', 'income'] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

/** One read made under a purpose: whose data and which part, kept until the purpose's consequence is written. */
export interface RegisterRead {
  subject: string;
  category: DataCategory;
  at: Date;
}

// Not exported from the library: only the factories below hold it, so no other code can make a Purpose.
const issued = Symbol('purpose');

/**
 * Why the node reads a person's register data. Every method of NationalRegisters takes one, and one can only be
 * made from a record that justifies the read: a case (`ApplicationEntity`), a partner's taxpayer check (a verified
 * `tax.tin-verification` request) or the person's own signed-in request. The purpose collects the reads made under
 * it, so the usage ledger writes them with whatever they led to, in the same transaction.
 *
 * @example
 * const purpose = Purpose.forCase(application);
 * const person = await registers.person(application.applicant, purpose);
 * await ledger.record(manager, purpose, { partner: application.destination, docTypes: ['identity-attestation'] });
 */
export class Purpose {
  private readonly collected: RegisterRead[] = [];

  private constructor(
    token: typeof issued,
    readonly kind: PurposeKind,
    /** The case id, `<partner>:<request id>` of a check, or `<person>:<act>[:<record>]` of a consent. */
    readonly reference: string,
    /** The partner the read serves, when there is one. */
    readonly partner: string | null,
  ) {
    if (token !== issued) throw new TypeError('a Purpose is made only by its factories');
  }

  /** A read for a cross-border case this node keeps (either side of it). */
  static forCase(application: { id: string; role: 'home' | 'destination'; destination: string; homeCountry: string }): Purpose {
    return new Purpose(issued, 'case', application.id, application.role === 'home' ? application.destination : application.homeCountry);
  }

  /** A read to answer a partner's taxpayer check: the verified request's id and sender. */
  static forTaxpayerCheck(question: { requestId: string; partner: string }): Purpose {
    return new Purpose(issued, 'taxpayer-check', `${question.partner}:${question.requestId}`, question.partner);
  }

  /**
   * A person's own request, signed in: the principal's verified subject, the act, the partner it is for and the
   * record it creates (the new application's id), when there is one.
   */
  static forConsent(principal: { subject: string }, act: ConsentAct, partner: string | null = null, record?: string): Purpose {
    return new Purpose(issued, 'consent', [principal.subject, act, ...(record ? [record] : [])].join(':'), partner);
  }

  /** The header value the registers API receives. */
  get header(): string {
    return `${this.kind}:${this.reference}`;
  }

  /** Notes a read (the registers port does, after each answer). */
  noteRead(subject: string, category: DataCategory): void {
    this.collected.push({ subject, category, at: new Date() });
  }

  /** The reads made so far, and forgets them (the ledger writes each once). */
  takeReads(): RegisterRead[] {
    return this.collected.splice(0, this.collected.length);
  }
}
