export { en } from './en.js';
export {
  formatDate,
  formatList,
  formatNumber,
  msg,
  onMessagesChanged,
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
