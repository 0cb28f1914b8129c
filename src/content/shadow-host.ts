// The only way Claimlens puts UI in a page: one element with an open shadow
// root, styles inside it, inline host styles that page CSS cannot override.
import { render, type ComponentChild } from 'preact';

export interface ShadowHost {
  host: HTMLElement;
  root: ShadowRoot;
  render(ui: ComponentChild): void;
  destroy(): void;
}

export function createShadowHost(tag: string, css: string, label: string): ShadowHost {
  const host = document.createElement(tag);
  // Inline !important beats any page rule, so the page cannot hide or restyle the host.
  host.setAttribute('style', 'all: initial !important; position: static !important; display: block !important;');
  host.setAttribute('role', 'dialog');
  host.setAttribute('aria-label', label);
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = css;
  const mount = document.createElement('div');
  root.append(style, mount);
  let attached = false;
  return {
    host,
    root,
    render(ui) {
      if (!attached) {
        document.documentElement.appendChild(host);
        attached = true;
      }
      render(ui, mount);
    },
    destroy() {
      render(null, mount);
      host.remove();
      attached = false;
    },
  };
}
