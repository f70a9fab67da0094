import type { Messages } from './en.js';

export const ru: Messages = {
  BAD_INPUT: 'Запрос некорректен: {{detail}}',
  UNAUTHENTICATED: 'Сначала войдите в систему: для этой операции нужен действительный токен доступа.',
  FORBIDDEN: 'Ваша роль не позволяет выполнить эту операцию.',
  NOT_FOUND: 'Не найдено: {{what}}.',
  INTERNAL: 'Узел не смог выполнить запрос. Повторите попытку позже.',
  CONFIG_INVALID: 'Конфигурация некорректна: {{detail}}',
  UNSUPPORTED_LANGUAGE: 'Язык «{{lang}}» не поддерживается. Поддерживаемые языки: {{supported}}.',
  UNKNOWN_COUNTRY: 'Страна {{country}} не входит в федерацию.',
  SELF_TRUST: 'Узел не может добавить сам себя в качестве доверенного партнёра.',
  THUMBPRINT_MISMATCH: 'Конфигурация сущности {{country}} не подписана закреплённым корневым ключом.',
  PARTNER_UNREACHABLE: 'Узел {{country}} недоступен по адресу {{url}}.',
  BAD_ENTITY_CONFIGURATION: 'Конфигурация сущности {{country}} отклонена: {{reason}}.',
  GRAPHQL_VALIDATION_FAILED: 'Запрос не соответствует схеме.',
  TRUST_ANCHOR_NOT_FOUND: 'У узла нет якоря доверия для {{country}}.',
  TRUST_TRANSITION_REFUSED: 'Якорь доверия {{country}} нельзя перевести из состояния {{from}} в {{to}}.',
  DOCUMENT_NOT_FOUND: 'Узел не выдавал документ {{jti}}.',
  DOCUMENT_ALREADY_REVOKED: 'Документ {{jti}} уже отозван.',
  BATCH_TOO_LARGE: 'За один запрос можно проверить не более {{max}} документов; отправлено {{given}}.',
};
