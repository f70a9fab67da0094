import type { Language } from '@ots/config';
import { az } from './az.js';
import { en, type Translations } from './en.js';
import { hu } from './hu.js';
import { kk } from './kk.js';
import { ky } from './ky.js';
import { ru } from './ru.js';
import { tk } from './tk.js';
import { tr } from './tr.js';
import { uz } from './uz.js';

export const MESSAGES: Record<Language, Translations> = { kk, ru, tr, ky, uz, az, en, hu, tk };
export { en, type MessageKey, type Messages, type Translations } from './en.js';
