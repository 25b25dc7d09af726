// Strings of the notifications page.
import { defineText } from "../../i18n";

export const notificationText = defineText({
  en: {
    title: "Notifications",
    intro: "Fired alerts and other news for you. New ones appear here as they arrive.",
    signIn: "Log in to see your notifications.",
    none: "No notification.",
    noneUnread: "No unread notification.",
    unreadOnly: "Unread only",
    markRead: "Mark read",
    markAllRead: "Mark all read",
    delete: "Delete",
    unread: "unread",
    page: "Page {page} of {pages}",
    previous: "Previous",
    next: "Next",
    total: "{n} notifications",
  },
  ko: {
    title: "알림",
    intro: "발생한 알림과 소식입니다. 새 알림은 도착하는 즉시 여기에 나타납니다.",
    signIn: "로그인하면 알림을 볼 수 있습니다.",
    none: "알림이 없습니다.",
    noneUnread: "읽지 않은 알림이 없습니다.",
    unreadOnly: "읽지 않은 것만",
    markRead: "읽음으로 표시",
    markAllRead: "모두 읽음으로 표시",
    delete: "삭제",
    unread: "읽지 않음",
    page: "{pages}쪽 중 {page}쪽",
    previous: "이전",
    next: "다음",
    total: "알림 {n}건",
  },
});
