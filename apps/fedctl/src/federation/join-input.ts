import { normalizeCountryCode } from '@ots/config';
import { UsageError } from '../cli-error.js';

/** A node taking part in a join: a country and, when it is not the local node of that country, its URL. */
export interface JoinParticipant {
  country: string;
  url?: string;
}

/**
 * `--partners KZ,TR=https://ots.turkiye.gov.tr`: the countries the new node joins, each optionally at a URL.
 *
 * @example
 * parsePartners('KZ,TR=https://tr.example') // [{ country: 'KZ' }, { country: 'TR', url: 'https://tr.example' }]
 */
export function parsePartners(value: string): JoinParticipant[] {
  const partners = value.split(',').map((item) => {
    const [code = '', url, ...rest] = item.split('=');
    const country = normalizeCountryCode(code);
    if (!country || rest.length > 0 || (url !== undefined && !/^https?:\/\/[^\s]+$/.test(url)))
      throw new UsageError('badPartners', { value });
    return { country, ...(url ? { url: url.replace(/\/+$/, '') } : {}) };
  });
  if (new Set(partners.map((p) => p.country)).size !== partners.length) throw new UsageError('badPartners', { value });
  return partners;
}

/**
 * `--restrict TR:TR-RP-WORK,TR-TAX-RESIDENCE` (repeatable): on the node of TR, the other side's citizens may use only
 * these services of TR's catalog. Naming the new node limits what every partner's citizens may use there.
 *
 * @example
 * parseRestrictions(['TR:TR-RP-WORK']) // Map { 'TR' => ['TR-RP-WORK'] }
 */
export function parseRestrictions(values: readonly string[]): Map<string, string[]> {
  const restrictions = new Map<string, string[]>();
  for (const value of values) {
    const match = /^([A-Za-z]{2}):(.*)$/.exec(value.trim());
    const country = match ? normalizeCountryCode(match[1] ?? '') : undefined;
    const services = (match?.[2] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (!country || services.length === 0 || restrictions.has(country)) throw new UsageError('badRestriction', { value });
    restrictions.set(country, services);
  }
  return restrictions;
}

/**
 * A file of thumbprints received out of band, one `CC thumbprint` a line (a country may have two during a root
 * rollover); blank lines and `#` comments are ignored.
 *
 * @example
 * parseThumbprintsFile('# from the letters\nKZ abc...\n', 'pins.txt') // Map { 'KZ' => ['abc...'] }
 */
export function parseThumbprintsFile(text: string, path: string): Map<string, string[]> {
  const pins = new Map<string, string[]>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) return;
    const [code = '', thumbprint, ...rest] = line.split(/\s+/);
    const country = normalizeCountryCode(code);
    if (!country || !thumbprint || rest.length > 0 || !/^[A-Za-z0-9_-]{43}$/.test(thumbprint))
      throw new UsageError('badThumbprintLine', { path, line: index + 1, text: raw.trim().slice(0, 80) });
    pins.set(country, [...(pins.get(country) ?? []), thumbprint]);
  });
  return pins;
}

/** A yes of the admin's, in any of the federation's languages (y, д, e, i, h, ha, ...). */
export function isYes(answer: string): boolean {
  return /^(y|yes|д|да|и|иә|ооба|e|evet|ha|bəli|h|hai|igen|i|hawa)$/i.test(answer.trim());
}
