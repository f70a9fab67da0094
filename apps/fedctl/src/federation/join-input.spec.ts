import { describe, expect, it } from 'vitest';
import { UsageError } from '../cli-error.js';
import { isYes, parsePartners, parseRestrictions, parseThumbprintsFile } from './join-input.js';

const T1 = 'A'.repeat(43);
const T2 = 'b_-'.repeat(14) + 'c';

describe(parsePartners.name, () => {
  it('reads local partners and partners at a URL', () => {
    expect(parsePartners('kz, TR=https://ots.example.tr/')).toEqual([{ country: 'KZ' }, { country: 'TR', url: 'https://ots.example.tr' }]);
  });

  it.each(['', 'KZ,KZ', 'KZ=ftp://x', 'K1', 'KZ=http://a=b'])('refuses %j', (value) => {
    expect(() => parsePartners(value)).toThrow(UsageError);
  });
});

describe(parseRestrictions.name, () => {
  it('maps each node to the services its partners may use there', () => {
    expect(parseRestrictions(['TR:TR-RP-WORK, TR-TAX-RESIDENCE', 'hu:HU-X'])).toEqual(
      new Map([
        ['TR', ['TR-RP-WORK', 'TR-TAX-RESIDENCE']],
        ['HU', ['HU-X']],
      ]),
    );
  });

  it.each([['TR'], ['TR:'], ['TR:A', 'TR:B'], ['TRX:A']])('refuses %j', (...values) => {
    expect(() => parseRestrictions(values)).toThrow(UsageError);
  });
});

describe(parseThumbprintsFile.name, () => {
  it('reads one country and thumbprint a line, two for a rollover, skipping comments', () => {
    expect(parseThumbprintsFile(`# read out on the phone\nKZ ${T1}\n\nTR ${T1}  # letter of 1 Dec\ntr ${T2}\n`, 'pins')).toEqual(
      new Map([
        ['KZ', [T1]],
        ['TR', [T1, T2]],
      ]),
    );
  });

  it('names the file and line of a bad entry', () => {
    expect(() => parseThumbprintsFile(`KZ ${T1}\nTR short\n`, 'pins.txt')).toThrow(
      'pins.txt, line 2: expected "CC thumbprint", got TR short',
    );
  });
});

describe(isYes.name, () => {
  it('takes a yes in the admin’s language and nothing else', () => {
    expect(['y', 'YES', 'да', 'evet', 'igen', 'ha', 'иә'].every(isYes)).toBe(true);
    expect(['', 'n', 'no', 'нет', 'maybe'].some(isYes)).toBe(false);
  });
});
