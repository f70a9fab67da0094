import { z } from 'zod';

/** Two upper-case letters: the shape of every country code (which codes exist is `isCountryCode`). */
export const COUNTRY_CODE_PATTERN = /^[A-Z]{2}$/;

export const COUNTRY_CODE_RULE = 'must be an ISO 3166-1 alpha-2 code or a user-assigned one (XA-XZ, QM-QZ), in upper case';

/** ISO 3166-1 alpha-2, the officially assigned codes (ISO 3166 Maintenance Agency, 249 codes). */
const ISO_3166_1_ALPHA_2 = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
    'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
    'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
    'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT ' +
    'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
    'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG ' +
    'UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
  ).split(' '),
);

/** The user-assigned ranges the federation uses for states the agreement reaches that have no ISO code. */
const isUserAssigned = (code: string): boolean => /^(X[A-Z]|Q[M-Z])$/.test(code);

/**
 * A country as every part of the federation names it: an ISO 3166-1 alpha-2 code or a user-assigned one (XA-XZ,
 * QM-QZ), for the states the agreement reaches that have no ISO code. The one definition: flags, files, commands,
 * documents, catalogs and anchors files all check codes with it. Which countries are in the federation is data
 * (federation-config/federation.json), not this.
 */
export function isCountryCode(value: unknown): value is string {
  return typeof value === 'string' && COUNTRY_CODE_PATTERN.test(value) && (ISO_3166_1_ALPHA_2.has(value) || isUserAssigned(value));
}

export const countryCodeSchema = z.string().refine(isCountryCode, COUNTRY_CODE_RULE);

/** What a person types (`tr`, ` KZ `) as the code it means, or undefined when it is not one. */
export function normalizeCountryCode(typed: string): string | undefined {
  const code = typed.trim().toUpperCase();
  return isCountryCode(code) ? code : undefined;
}
