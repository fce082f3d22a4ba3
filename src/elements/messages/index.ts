export { en } from './en.js';
export {
  formatDate,
  formatList,
  formatNumber,
  loadLazyMessages,
  msg,
  onMessagesChanged,
  registerLazyMessages,
  registerMessages,
  type MessageArgs,
  type MessageBundle,
  type MessageKey,
  type MessageOptions,
  type MessageParamName,
  type MessageParams,
  type MessageValue,
  type Messages,
} from './messages.js';
