import { describe, expect, it } from 'vitest';
import { matchesSearch, normalizeSearchText } from './search-text.js';

describe(normalizeSearchText.name, () => {
  it.each([
    ['Oturma İzni', 'oturma izni'],
    ['IŞIK ılık', 'isik ilik'],
    ['Вид на жительство', 'вид на жительство'],
    ['Ёлка', 'елка'],
    ['Yashash uchun ruxsatnoma (oʻqish)', 'yashash uchun ruxsatnoma oqish'],
    ['Oʻzbekiston gʻalaba', 'ozbekiston galaba'],
    ['Тұруға рұқсат', 'туруга руксат'],
    ['Əmək müqaviləsi', 'emek muqavilesi'],
    ['Ýaşaýyş ygtyýarnamasy', 'yasayys ygtyyarnamasy'],
    ['Tartózkodási engedély', 'tartozkodasi engedely'],
    ['  many   spaces—and-dashes ', 'many spaces and dashes'],
  ])('%s -> %s', (input, expected) => {
    expect(normalizeSearchText(input)).toBe(expected);
  });
});

describe(matchesSearch.name, () => {
  const text = normalizeSearchText('Çalışma amaçlı ikamet izni (oturma izni) için başvuru');
  it('matches every word regardless of case and diacritics', () => {
    expect(matchesSearch(text, 'CALISMA ikamet')).toBe(true);
    expect(matchesSearch(text, 'oturma izni')).toBe(true);
  });
  it('needs every word', () => expect(matchesSearch(text, 'ikamet vize')).toBe(false));
  it('matches nothing for an empty query', () => expect(matchesSearch(text, '  ')).toBe(false));
});
