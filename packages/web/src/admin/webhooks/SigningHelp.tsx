import { Accordion, Code, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const EXAMPLE = `import { createHmac, timingSafeEqual } from 'node:crypto';

// rawBody: the request body exactly as received (a string, before JSON.parse)
function verify(header, rawBody, secret, toleranceSeconds = 300) {
  const parts = header.split(',').map((p) => p.split('='));
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  if (!Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(\`\${t}.\${rawBody}\`).digest();
  return parts.some(([k, v]) => k === 'v1' && v.length === 64 && timingSafeEqual(Buffer.from(v, 'hex'), expected));
}`;

/** How a receiver checks that a delivery comes from Servus and is fresh. */
export function SigningHelp() {
  const { t } = useTranslation();
  return (
    <Accordion variant="contained" bg="white">
      <Accordion.Item value="verify">
        <Accordion.Control>{t('webhooks.help.title')}</Accordion.Control>
        <Accordion.Panel>
          <Text size="sm" mb="xs">{t('webhooks.help.intro')}</Text>
          <List size="sm" type="ordered" spacing={4} mb="xs">
            <List.Item>{t('webhooks.help.step1')}</List.Item>
            <List.Item>{t('webhooks.help.step2')}</List.Item>
            <List.Item>{t('webhooks.help.step3')}</List.Item>
            <List.Item>{t('webhooks.help.step4')}</List.Item>
          </List>
          <Text size="sm" mb="xs">{t('webhooks.help.retries')}</Text>
          <Code block>{EXAMPLE}</Code>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
