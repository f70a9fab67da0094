import type { Messages } from './en.js';
import { ru } from './ru.js';

export const ky: Messages = { ...ru };
