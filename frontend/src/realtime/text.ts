// Strings of the live notifications toast.
import { defineText } from "../i18n";

export const realtimeText = defineText({
  en: {
    newNotification: "New notification",
    dismiss: "Dismiss",
    openNotifications: "See all",
  },
  ko: {
    newNotification: "새 알림",
    dismiss: "닫기",
    openNotifications: "모두 보기",
  },
});
