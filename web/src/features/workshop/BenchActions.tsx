import { Alert, Button, Checkbox, Group, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../i18n';
import { type Repair, useDecide, useReceiveDelivery, useRecordPickup, useRepairEvent, useShipReplacement } from './workshop.api';

/**
 * The workshop's next step on a repair, as its state allows: decide the remedy (with the customer's
 * choice and consent, or the unit offered), take a delivered part, record the repair and its tests,
 * record the courier's pickup and ship the replacement — which the server refuses, with the reason,
 * until the defective unit was collected.
 */
export function BenchActions({ repair: r, ticketId }: { repair: Repair; ticketId: string }) {
  const { t } = useTranslation();
  const decide = useDecide(ticketId);
  const event = useRepairEvent(ticketId);
  const ship = useShipReplacement(ticketId);
  const pickup = useRecordPickup(ticketId);
  const delivery = useReceiveDelivery(ticketId);
  const [choice, setChoice] = useState<string | null>(null);
  const [consent, setConsent] = useState(false);
  const [offerCondition, setOfferCondition] = useState<string | null>(null);
  const [offerPrice, setOfferPrice] = useState<number | string>('');
  const [workDone, setWorkDone] = useState('');
  const [tests, setTests] = useState('');
  const [carrier, setCarrier] = useState('');
  const [tracking, setTracking] = useState('');
  const [error, setError] = useState<string | null>(null);
  const done = (message: string) => ({ onSuccess: () => (setError(null), notifications.show({ color: 'teal', message })), onError: (err: unknown) => setError(errorMessage(t, err)) });
  const ordered = r.parts.filter((p) => p.purchaseOrderId);

  return (
    <Stack gap="xs" data-testid="bench-actions">
      {r.state === 'diagnosing' && (
        <Stack gap="xs">
          <Group grow align="flex-end">
            <Select label={t('workshop.decide.choice')} data={[{ value: 'repair', label: t('workshop.decide.choiceRepair') }, { value: 'replacement', label: t('workshop.decide.choiceReplacement') }]} value={choice} onChange={setChoice} clearable placeholder={t('workshop.decide.noChoice')} />
            <Checkbox label={t('workshop.decide.consent')} checked={consent} onChange={(e) => setConsent(e.currentTarget.checked)} />
          </Group>
          <Group grow align="flex-end">
            <Select label={t('workshop.decide.offer')} description={t('workshop.decide.offerHint')} data={(['new', 'refurbished', 'second_hand'] as const).map((c) => ({ value: c, label: t(`workshop.offerCondition.${c}`) }))} value={offerCondition} onChange={setOfferCondition} clearable data-testid="decide-offer" />
            <NumberInput label={t('workshop.decide.offerPrice')} value={offerPrice} onChange={setOfferPrice} min={0} decimalScale={2} data-testid="decide-offer-price" />
          </Group>
          <Button
            size="xs"
            loading={decide.isPending}
            data-testid="decide"
            onClick={() =>
              decide.mutate(
                {
                  repairId: r.id,
                  ...(choice ? { customerChoice: choice as 'repair' | 'replacement' } : {}),
                  refurbishedConsent: consent,
                  ...(offerCondition && offerPrice !== '' ? { offer: { condition: offerCondition as 'new', priceCents: Math.round(Number(offerPrice) * 100) } } : {}),
                },
                done(t('workshop.decided')),
              )
            }
          >
            {t('workshop.decide.button')}
          </Button>
        </Stack>
      )}
      {ordered.map((p) => (
        <Button key={p.partId} size="xs" variant="light" loading={delivery.isPending} onClick={() => delivery.mutate(p.purchaseOrderId!, done(t('workshop.deliveryReceived')))} data-testid="bench-delivery">
          {t('workshop.receiveDelivery', { reference: p.reference })}
        </Button>
      ))}
      {r.state === 'repairing' && (
        <Group gap="xs" align="flex-end">
          <Textarea style={{ flex: 1 }} label={t('workshop.bench.workDone')} value={workDone} onChange={(e) => setWorkDone(e.currentTarget.value)} autosize minRows={1} data-testid="bench-work-done" />
          <Button size="xs" loading={event.isPending} onClick={() => event.mutate({ repairId: r.id, event: 'repaired', workDone }, done(t('workshop.bench.saved')))} data-testid="bench-repaired">
            {t('workshop.event.repaired')}
          </Button>
        </Group>
      )}
      {r.state === 'testing' && (
        <Group gap="xs" align="flex-end">
          <TextInput style={{ flex: 1 }} label={t('workshop.bench.tests')} description={t('workshop.bench.testsHint')} value={tests} onChange={(e) => setTests(e.currentTarget.value)} data-testid="bench-tests" />
          <Button size="xs" color="teal" loading={event.isPending} onClick={() => event.mutate({ repairId: r.id, event: 'test_passed', testsPassed: tests.split(',').map((x) => x.trim()).filter(Boolean) }, done(t('workshop.bench.saved')))} data-testid="bench-test-passed">
            {t('workshop.event.test_passed')}
          </Button>
          <Button size="xs" variant="light" color="red" loading={event.isPending} onClick={() => event.mutate({ repairId: r.id, event: 'test_failed' }, done(t('workshop.bench.saved')))}>
            {t('workshop.event.test_failed')}
          </Button>
        </Group>
      )}
      {(r.state === 'ready_to_ship' || r.state === 'returning_unrepaired') && (
        <Group gap="xs" align="flex-end">
          <TextInput style={{ flex: 1 }} label={t('receiving.carrier')} value={carrier} onChange={(e) => setCarrier(e.currentTarget.value)} data-testid="bench-carrier" />
          <TextInput style={{ flex: 1 }} label={t('receiving.trackingNumber')} value={tracking} onChange={(e) => setTracking(e.currentTarget.value)} />
          <Button size="xs" variant="light" loading={event.isPending} onClick={() => event.mutate({ repairId: r.id, event: 'shipped', outbound: { carrier, ...(tracking.trim() ? { trackingNumber: tracking } : {}) } }, done(t('workshop.bench.saved')))} data-testid="bench-shipped">
            {t('workshop.event.shipped')}
          </Button>
        </Group>
      )}
      {r.state === 'replacing' && (
        <Stack gap="xs">
          <Group grow>
            <TextInput label={t('receiving.carrier')} value={carrier} onChange={(e) => setCarrier(e.currentTarget.value)} data-testid="replacement-carrier" />
            <TextInput label={t('receiving.trackingNumber')} value={tracking} onChange={(e) => setTracking(e.currentTarget.value)} />
          </Group>
          <Group gap="xs">
            <Button size="xs" variant="light" loading={pickup.isPending} onClick={() => pickup.mutate({ ...(carrier.trim() ? { carrier } : {}) }, done(t('workshop.pickupRecorded')))} data-testid="replacement-pickup">
              {t('workshop.recordPickup')}
            </Button>
            <Button size="xs" loading={ship.isPending} onClick={() => ship.mutate({ repairId: r.id, carrier, ...(tracking.trim() ? { trackingNumber: tracking } : {}) }, done(t('workshop.replacementSent')))} data-testid="replacement-ship">
              {t('workshop.shipReplacement')}
            </Button>
          </Group>
        </Stack>
      )}
      {error && (
        <Alert color="red" variant="light" data-testid="bench-error">
          {error}
        </Alert>
      )}
    </Stack>
  );
}
