import type { KpiDefinition } from '@servus/shared';

const def = (key: string, en: [string, string], de: [string, string]): KpiDefinition => ({ key, name: { en: en[0], de: de[0] }, definition: { en: en[1], de: de[1] } });

/**
 * The exact definition of every KPI the reports show, in English and German, for the info
 * popovers. The wording follows METRICS.md §2 and §9, which the numbers implement.
 */
export const KPI_DEFINITIONS: readonly KpiDefinition[] = [
  def(
    'frt',
    ['First reply time', 'Time from ticket creation to the first public reply by an agent, in calendar and in business hours. Median, mean and 90th percentile over the tickets whose first reply falls in the period ("by reply date"); "by creation date" takes the tickets created in the period instead. Tickets without a reply are left out, not counted as zero. Automated and bot messages never count as a reply. For a ticket an agent opened for a customer, the clock starts at the customer\'s first message.'],
    ['Erste Antwortzeit', 'Zeit von der Ticketerstellung bis zur ersten öffentlichen Antwort eines Agenten, in Kalender- und in Geschäftszeit. Median, Mittelwert und 90. Perzentil über die Tickets, deren erste Antwort im Zeitraum liegt („nach Antwortdatum“); „nach Erstellungsdatum“ nimmt stattdessen die im Zeitraum erstellten Tickets. Tickets ohne Antwort werden ausgelassen, nicht als null gezählt. Automatische und Bot-Nachrichten zählen nie als Antwort. Bei einem Ticket, das ein Agent für einen Kunden eröffnet hat, beginnt die Uhr mit der ersten Nachricht des Kunden.'],
  ),
  def(
    'firstResolution',
    ['First resolution time', 'Time from ticket creation to the first time it was solved, over the tickets first solved in the period. A later reopen does not change it.'],
    ['Erste Lösungszeit', 'Zeit von der Ticketerstellung bis zur ersten Lösung, über die Tickets, die im Zeitraum erstmals gelöst wurden. Eine spätere Wiedereröffnung ändert sie nicht.'],
  ),
  def(
    'fullResolution',
    ['Full resolution time', 'Time from ticket creation to the last time it was solved, over the tickets that are solved now and were last solved in the period. Reopens make it longer.'],
    ['Gesamte Lösungszeit', 'Zeit von der Ticketerstellung bis zur letzten Lösung, über die Tickets, die jetzt gelöst sind und im Zeitraum zuletzt gelöst wurden. Wiedereröffnungen verlängern sie.'],
  ),
  def(
    'fcr',
    ['First contact resolution', 'Solved tickets with exactly one public agent reply over their whole life, reopens included, and no new ticket from the same requester within 7 days of the solve, divided by the solved tickets with at least one agent reply. Solved tickets without any reply are not counted (see no-touch).'],
    ['Lösung beim Erstkontakt', 'Gelöste Tickets mit genau einer öffentlichen Agentenantwort über ihre ganze Laufzeit, Wiedereröffnungen eingeschlossen, und ohne neues Ticket desselben Anfragenden innerhalb von 7 Tagen nach der Lösung, geteilt durch die gelösten Tickets mit mindestens einer Agentenantwort. Gelöste Tickets ganz ohne Antwort zählen nicht (siehe ohne Antwort).'],
  ),
  def(
    'oneTouch',
    ['One-touch tickets', 'Solved tickets with fewer than two public agent replies, divided by all solved tickets (the Zendesk-compatible definition).'],
    ['One-Touch-Tickets', 'Gelöste Tickets mit weniger als zwei öffentlichen Agentenantworten, geteilt durch alle gelösten Tickets (die mit Zendesk vergleichbare Definition).'],
  ),
  def(
    'noTouch',
    ['No-touch tickets', 'Solved tickets without any public agent reply, divided by all solved tickets.'],
    ['Tickets ohne Antwort', 'Gelöste Tickets ohne jede öffentliche Agentenantwort, geteilt durch alle gelösten Tickets.'],
  ),
  def(
    'reopenRate',
    ['Reopen rate', 'Tickets first solved in the period that were reopened within 7 days of that solve, divided by the tickets first solved in the period.'],
    ['Wiedereröffnungsquote', 'Im Zeitraum erstmals gelöste Tickets, die innerhalb von 7 Tagen nach dieser Lösung wieder geöffnet wurden, geteilt durch die im Zeitraum erstmals gelösten Tickets.'],
  ),
  def(
    'escalation',
    ['Escalation rate', 'Tickets escalated to a higher tier in the period, each counted once, divided by the tickets handled in the period (first replied, solved or escalated in it). Hierarchical and functional escalations are shown separately.'],
    ['Eskalationsquote', 'Im Zeitraum an eine höhere Stufe eskalierte Tickets, jedes einmal gezählt, geteilt durch die im Zeitraum bearbeiteten Tickets (darin erstmals beantwortet, gelöst oder eskaliert). Hierarchische und funktionale Eskalationen werden getrennt gezeigt.'],
  ),
  def(
    'chatAbandonment',
    ['Chat abandonment', 'Missed chats (no agent answered before the visitor left) divided by chats minus offline messages. "Not completed" adds dropped chats (the visitor left with their own message unanswered).'],
    ['Chat-Abbruchquote', 'Verpasste Chats (kein Agent hat geantwortet, bevor der Besucher ging) geteilt durch Chats ohne Offline-Nachrichten. „Nicht abgeschlossen“ zählt zusätzlich abgebrochene Chats (der Besucher ging mit unbeantworteter eigener Nachricht).'],
  ),
  def(
    'sla',
    ['SLA achievement', 'Achieved SLA targets divided by achieved plus breached targets, each target dated by when it was met or breached. Targets still running are left out. Next-reply and update targets count once per instance.'],
    ['SLA-Erfüllung', 'Erfüllte SLA-Ziele geteilt durch erfüllte plus verletzte Ziele, jedes Ziel datiert nach dem Zeitpunkt der Erfüllung oder Verletzung. Noch laufende Ziele werden ausgelassen. Folgeantwort- und Update-Ziele zählen einmal je Instanz.'],
  ),
  def(
    'volume',
    ['Ticket volume', 'Tickets created in the period, by channel. Merged-away tickets are not counted.'],
    ['Ticketvolumen', 'Im Zeitraum erstellte Tickets, nach Kanal. Zusammengeführte Tickets werden nicht gezählt.'],
  ),
  def(
    'backlog',
    ['Backlog', 'Tickets that are new, open, pending or on hold at a moment: at the end of the period, or at 23:59 local time on the last day of each bucket.'],
    ['Rückstand', 'Tickets, die zu einem Zeitpunkt neu, offen, wartend oder angehalten sind: am Ende des Zeitraums oder um 23:59 Ortszeit am letzten Tag jedes Abschnitts.'],
  ),
];
