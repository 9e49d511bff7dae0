import { describe, expect, it } from 'vitest';
import type { Attachment } from '../../api/types';
import { buildSrcdoc, frameCsp } from './srcdoc';

const att = (over: Partial<Attachment>): Attachment => ({
  id: 'a1',
  filename: 'image001.png',
  contentType: 'image/png',
  size: 10,
  url: '/api/v1/attachments/a1',
  createdAt: '2026-01-01T00:00:00Z',
  ...over,
});

function parse(srcdoc: string): Document {
  return new DOMParser().parseFromString(srcdoc, 'text/html');
}

describe('buildSrcdoc', () => {
  it('puts a strict CSP meta first in the head, with no script source', () => {
    const { srcdoc } = buildSrcdoc({ html: '<p>Hello</p>', attachments: [], allowRemoteImages: false });
    const doc = parse(srcdoc);
    const first = doc.head.firstElementChild?.nextElementSibling;
    expect(first?.getAttribute('http-equiv')).toBe('Content-Security-Policy');
    const csp = first?.getAttribute('content') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'none'");
    expect(csp).not.toContain('https:');
    expect(doc.querySelector('meta[name="referrer"]')?.getAttribute('content')).toBe('no-referrer');
    expect(doc.body.innerHTML).toBe('<p>Hello</p>');
  });

  it('holds back remote images until the agent allows them', () => {
    const html = '<p>Logo <img src="https://tracker.example/pixel.gif" alt="logo"> <img src="https://cdn.example/a.png"></p>';
    const blocked = buildSrcdoc({ html, attachments: [], allowRemoteImages: false });
    const doc = parse(blocked.srcdoc);
    expect(blocked.blockedImages).toBe(2);
    expect(blocked.srcdoc).not.toContain('tracker.example');
    expect(doc.querySelectorAll('img[data-blocked="remote"]')).toHaveLength(2);
    expect(doc.querySelector('img')?.hasAttribute('src')).toBe(false);

    const allowed = buildSrcdoc({ html, attachments: [], allowRemoteImages: true });
    expect(allowed.blockedImages).toBe(0);
    expect(parse(allowed.srcdoc).querySelector('img')?.getAttribute('src')).toBe('https://tracker.example/pixel.gif');
    expect(frameCsp(true)).toContain('img-src \'self\' data: https:');
  });

  it('maps cid: images to the message attachments by Content-ID or file name', () => {
    const byId = att({ id: 'by-id', contentId: '<logo@mail>' , filename: 'other.png' });
    const byName = att({ id: 'by-name', filename: 'image001.png' });
    const html = '<img src="cid:logo@mail"><img src="cid:image001.png@01D9ABCD"><img src="cid:missing@x">';
    const { srcdoc, blockedImages } = buildSrcdoc({ html, attachments: [byId, byName], allowRemoteImages: false });
    const imgs = parse(srcdoc).querySelectorAll('img');
    expect(imgs[0].getAttribute('src')).toBe('/api/v1/attachments/by-id');
    expect(imgs[1].getAttribute('src')).toBe('/api/v1/attachments/by-name');
    expect(imgs[2].hasAttribute('src')).toBe(false);
    expect(imgs[2].getAttribute('data-blocked')).toBe('missing');
    expect(blockedImages).toBe(0);
  });

  it('never maps cid: to an SVG or HTML attachment', () => {
    const svg = att({ id: 'svg', filename: 'x.svg', contentType: 'image/svg+xml', contentId: 'x' });
    const { srcdoc } = buildSrcdoc({ html: '<img src="cid:x">', attachments: [svg], allowRemoteImages: true });
    expect(parse(srcdoc).querySelector('img')?.hasAttribute('src')).toBe(false);
  });

  it('strips scripts, handlers, frames, forms and dangerous URLs even if they slipped through', () => {
    const html =
      '<script>alert(1)</script><img src="x" onerror="alert(2)"><a href="javascript:alert(3)">x</a>' +
      '<svg onload="alert(4)"></svg><iframe src="https://evil.example"></iframe><form action="https://evil.example"><input></form>' +
      '<meta http-equiv="refresh" content="0;url=https://evil.example"><base href="https://evil.example/">' +
      '<div style="background:url(https://evil.example/x)">bg</div><img src="data:image/svg+xml,&lt;svg onload=alert(5)&gt;"><a href="https://ok.example">ok</a>';
    const { srcdoc } = buildSrcdoc({ html, attachments: [], allowRemoteImages: true });
    const body = parse(srcdoc).body;
    expect(body.querySelector('script, svg, iframe, form, input, meta, base')).toBeNull();
    expect(body.innerHTML).not.toMatch(/onerror|onload|javascript:|evil\.example/i);
    expect(body.querySelector('img[src^="data:"]')).toBeNull();
    const ok = body.querySelector('a[href="https://ok.example"]');
    expect(ok?.getAttribute('target')).toBe('_blank');
    expect(ok?.getAttribute('rel')).toContain('noopener');
    expect(srcdoc.toLowerCase()).not.toContain('<script');
  });
});
