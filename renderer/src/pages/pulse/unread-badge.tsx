import { useChannelQuery } from '../../query/channel-query';

/** The inbox's unread count beside "Pulse" in the sidebar; nothing when all is read. */
export function PulseUnreadBadge() {
  const unread = useChannelQuery('pulse.alerts.list', { unreadOnly: true, limit: 1 }).data?.unread;
  if (!unread) return null;
  return (
    <span
      className="ml-auto rounded-full bg-destructive px-1.5 text-[10px] leading-4 font-semibold text-white"
      data-testid="pulse-unread-badge"
      aria-label={`${unread} unread alerts`}
    >
      {unread > 99 ? '99+' : unread}
    </span>
  );
}
