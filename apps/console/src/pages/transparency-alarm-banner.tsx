import { useEffect } from 'react';
import { OpenTransparencyAlarmsDocument } from '../api/generated';
import { useQuery } from '../api/use-api';
import { useI18n } from '../i18n/i18n';

/** Often enough to be seen within a minute of a fork, rarely enough to cost nothing (the console polls no faster than 5 s). */
const RECHECK_MS = 30_000;

/**
 * On every page an admin opens while a partner's key log (or this node's own) has forked or been rewritten: the
 * node refuses that country's new root keys until an admin clears the alarm, so it must not go unnoticed.
 */
export function TransparencyAlarmBanner() {
  const { t } = useI18n();
  const alarms = useQuery(OpenTransparencyAlarmsDocument, {});
  const { reload } = alarms;
  useEffect(() => {
    const timer = setInterval(reload, RECHECK_MS);
    return () => clearInterval(timer);
  }, [reload]);
  const countries = [...new Set(alarms.data?.transparencyAlarms.edges.map((edge) => edge.node.country) ?? [])].sort();
  if (countries.length === 0) return null;
  return (
    <div className="alarm-banner" role="alert" data-testid="transparency-alarm">
      {t('transparency.alarmBanner', { countries: countries.join(', ') })}
    </div>
  );
}
