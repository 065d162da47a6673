// Lineage tree panel: toolbar, filters, drawing and list over one lazily loaded tree (see tree-model.js).
import { gql } from '../api.js';
import { h } from '../dom.js';
import { LEVEL } from '../labels.js';
import { errorCode, errorSentence } from '../messages.js';
import { TREE_PROVINCES } from '../queries.js';
import { go } from '../router.js';
import { renderTreeGraph } from './tree-graph.js';
import { renderTreeList } from './tree-list.js';
import { EXPAND_ALL_LIMIT, LazyTree, MAX_STATE_IDS } from './tree-model.js';
import { apiTreeSource, cleanFilter } from './tree-source.js';

const LEGEND = [
  ['doc central', 'Trung ương'],
  ['doc province', 'Cấp tỉnh'],
  ['doc district', 'Cấp huyện'],
  ['task', 'Nhiệm vụ'],
  ['agency', 'Cơ quan'],
  ['cited', 'Viền đứt: chỉ biết qua trích dẫn'],
];

/** Symbol type codes of the filter (the part of "53-CTr/TU", "1693/KH-UBND" naming the kind). */
const TYPES = [
  ['NQ', 'NQ — Nghị quyết'],
  ['CTr', 'CTr — Chương trình'],
  ['KH', 'KH — Kế hoạch'],
  ['QĐ', 'QĐ — Quyết định'],
  ['KL', 'KL — Kết luận'],
  ['CT', 'CT — Chỉ thị'],
];

const TEXT_DELAY = 350; // ms after the last keystroke

let panelCount = 0;

/** 34008 → "34.008" (Vietnamese digit grouping). */
export const num = (n) => n.toLocaleString('vi-VN');

function select(id, label, options, all) {
  return h(
    'label',
    { class: 'filter-field', for: id },
    h('span', {}, label),
    h(
      'select',
      { id },
      h('option', { value: '' }, all),
      options.map(([value, text]) => h('option', { value }, text)),
    ),
  );
}

/** The province names of the document's era, for the filter (empty when `ref` is not a document). */
async function provinceNames(ref) {
  try {
    const { coverage } = await gql(TREE_PROVINCES, { ref });
    return [...coverage.covered.map((c) => c.unit), ...coverage.uncovered].sort((a, b) =>
      a.localeCompare(b, 'vi'),
    );
  } catch {
    return [];
  }
}

/**
 * The tree's view kept in the address: the filter (province, level, type, text), `tree` (all: "Mở rộng tất cả",
 * none: "Thu gọn"), and the node ids opened (`open`) or closed (`shut`) by hand beyond that, comma-separated.
 */
export function treeStateOf(params) {
  if (!params) return { filter: null, view: {} };
  const level = params.get('level');
  const filter = cleanFilter({
    province: params.get('province')?.trim(),
    level: level && Object.hasOwn(LEVEL, level) ? level : null,
    type: params.get('type')?.trim(),
    text: params.get('text')?.trim(),
  });
  const ids = (name) =>
    (params.get(name) ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .slice(0, MAX_STATE_IDS);
  const tree = params.get('tree');
  const base = tree === 'all' || tree === 'none' ? tree : 'default';
  return { filter, view: { base, open: ids('open'), shut: ids('shut') } };
}

/** The params of the address that belong to the tree (the others are left as they are). */
export const TREE_PARAMS = ['province', 'level', 'type', 'text', 'tree', 'open', 'shut'];

/** The address's params for the model's filter and view (see treeStateOf). */
function treeParams(model) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(model.filter ?? {})) params.set(k, String(v));
  const { base, open, shut } = model.viewState();
  if (base !== 'default') params.set('tree', base);
  const list = (ids) => ids.filter((i) => !i.includes(',')).join(',');
  if (open.length > 0) params.set('open', list(open));
  if (shut.length > 0) params.set('shut', list(shut));
  return params;
}

/**
 * { element, model, ready, mounted, destroy } for the lineage tree down from `ref`. `ready` resolves once the
 * root and the first levels are loaded (the page waits for it, so it is shown whole). With `state` (the page's
 * address params) the tree opens as they say, and `onState(params)` is called with new params whenever the
 * filter or what is open changes, so the address always reopens the same view (a permalink).
 */
export function treePanel(
  ref,
  { graph = true, filters = true, source = apiTreeSource(ref), state = null, onState = null } = {},
) {
  const id = ++panelCount;
  const initial = treeStateOf(state);
  const model = new LazyTree(source, initial.filter);
  let restored = false;
  let written = state ? state.toString() : '';
  const persist = () => {
    if (!onState || !restored) return;
    const params = treeParams(model);
    const text = params.toString();
    if (text === written) return;
    written = text;
    onState(params);
  };
  let drawing = null;
  let destroyed = false;
  const list = renderTreeList(model);
  const host = h('div', { class: 'graph-host' });
  const status = h('p', { class: 'tree-status meta', role: 'status', 'aria-live': 'polite' });
  const notice = h('p', { class: 'tree-notice notice', hidden: true });
  const count = h('span', { class: 'meta tree-count' });

  let frame = 0;
  const redraw = () => {
    frame = 0;
    list.update();
    drawing?.update();
    const size = model.size();
    count.textContent = model.root ? `${num(size + 1)} mục` : '';
    element.setAttribute('aria-busy', String(model.busy() || filtering));
    const matches = model.matchCount();
    status.textContent =
      matches === null
        ? ''
        : matches === 0
          ? 'Không mục nào khớp bộ lọc.'
          : `${num(matches)} mục khớp bộ lọc.`;
    persist();
  };
  const unsubscribe = model.onChange(() => {
    frame ||= requestAnimationFrame(redraw);
  });

  const say = (text) => {
    notice.hidden = !text;
    notice.textContent = text ?? '';
  };

  const expandAll = async (button) => {
    button.disabled = true;
    say('Đang mở…');
    try {
      // A click before the first page of children arrived opens the tree once it has.
      await ready;
      const { complete, size } = await model.expandAll();
      say(
        complete
          ? null
          : `Cây có ${num(size)} mục${model.filter ? ' khớp' : ''}, quá ${EXPAND_ALL_LIMIT} để mở hết một lần: chỉ mở các nhánh đã tải. Mở từng nhánh, hoặc lọc theo tỉnh, cấp, loại để xem thêm.`,
      );
    } finally {
      button.disabled = false;
    }
  };

  const filterForm = filters ? h('form', { class: 'tree-filter', role: 'search' }) : null;
  const provinceSelect = select(`tree-province-${id}`, 'Tỉnh', [], 'Mọi tỉnh');
  const levelSelect = select(
    `tree-level-${id}`,
    'Cấp',
    Object.entries(LEVEL).map(([v, t]) => [v, t]),
    'Mọi cấp',
  );
  const typeSelect = select(`tree-type-${id}`, 'Loại', TYPES, 'Mọi loại');
  const textInput = h('input', {
    type: 'search',
    id: `tree-text-${id}`,
    placeholder: 'số, ký hiệu, tên…',
    autocomplete: 'off',
  });
  const readFilter = () =>
    cleanFilter({
      province: provinceSelect.querySelector('select').value,
      level: levelSelect.querySelector('select').value,
      type: typeSelect.querySelector('select').value,
      text: textInput.value.trim(),
    });
  let applied = initial.filter;
  let filtering = false;
  const applyFilter = async () => {
    const filter = readFilter();
    if (JSON.stringify(filter) === JSON.stringify(applied)) return;
    applied = filter;
    say(null);
    status.textContent = 'Đang lọc…';
    filtering = true;
    element.setAttribute('aria-busy', 'true');
    try {
      await model.setFilter(filter);
    } catch (error) {
      status.textContent = '';
      say(`Không lọc được: ${errorSentence(error, { subject: 'filter' })} (mã lỗi ${errorCode(error)})`);
    } finally {
      filtering = false;
      redraw();
    }
  };
  if (filterForm) {
    let timer = 0;
    filterForm.append(
      provinceSelect,
      levelSelect,
      typeSelect,
      h('label', { class: 'filter-field', for: textInput.id }, h('span', {}, 'Chứa chữ'), textInput),
      h(
        'button',
        {
          type: 'button',
          onclick: () => {
            for (const s of filterForm.querySelectorAll('select')) s.value = '';
            textInput.value = '';
            applyFilter();
          },
        },
        'Bỏ lọc',
      ),
    );
    filterForm.addEventListener('change', (event) => {
      if (event.target !== textInput) applyFilter();
    });
    textInput.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(applyFilter, TEXT_DELAY);
    });
    filterForm.addEventListener('submit', (event) => {
      event.preventDefault();
      clearTimeout(timer);
      applyFilter();
    });
  }

  const expandButton = h(
    'button',
    { type: 'button', onclick: (event) => expandAll(event.currentTarget) },
    'Mở rộng tất cả',
  );
  const toolbar = h(
    'div',
    { class: 'toolbar' },
    expandButton,
    h(
      'button',
      {
        type: 'button',
        onclick: () => {
          say(null);
          model.collapseAll();
        },
      },
      'Thu gọn',
    ),
    count,
    graph
      ? h(
          'ul',
          { class: 'legend', 'aria-label': 'Chú giải màu' },
          LEGEND.map(([cls, text]) =>
            h('li', {}, h('span', { class: `swatch ${cls}`, 'aria-hidden': 'true' }), text),
          ),
        )
      : null,
  );
  const element = h(
    'div',
    { class: 'tree-panel', 'aria-busy': 'true' },
    toolbar,
    filterForm,
    status,
    notice,
    graph ? host : null,
    h('div', { class: 'tree-list-wrap' }, list.element),
  );

  // The filter of the address, shown in the form (a province before the list of names has arrived, too).
  let addressProvince = null; // an option added for the address's province before the names arrive
  const setControls = (filter) => {
    const province = provinceSelect.querySelector('select');
    if (!filter) addressProvince?.remove();
    if (filter?.province && ![...province.options].some((o) => o.value === filter.province)) {
      addressProvince = h('option', { value: filter.province }, filter.province);
      province.append(addressProvince);
    }
    province.value = filter?.province ?? '';
    levelSelect.querySelector('select').value = filter?.level ?? '';
    typeSelect.querySelector('select').value = filter?.type ?? '';
    textInput.value = filter?.text ?? '';
  };
  if (filters && initial.filter) setControls(initial.filter);
  const load = async () => {
    try {
      await model.load();
    } catch (error) {
      // A filter in the address the API refuses (a province that is not one): the tree unfiltered, and why.
      if (!initial.filter) throw error;
      say(
        `Bộ lọc trong địa chỉ không dùng được (${errorSentence(error, { subject: 'filter' })}): cây được hiện không lọc.`,
      );
      model.filter = null;
      applied = null;
      if (filters) setControls(null);
      await model.load();
    }
    await model.restore(initial.view);
    restored = true;
  };
  const ready = load().then(() => redraw());
  if (filters) {
    provinceNames(ref).then((names) => {
      const sel = provinceSelect.querySelector('select');
      const have = new Set([...sel.options].map((o) => o.value));
      for (const name of names) if (!have.has(name)) sel.append(h('option', { value: name }, name));
    });
  }

  return {
    element,
    model,
    ready,
    list,
    async mounted() {
      await ready;
      list.update();
      if (!graph || !model.root || model.size() === 0) return;
      const made = await renderTreeGraph(host, model, { onOpen: go });
      // The user may have left the page while cytoscape loaded.
      if (destroyed) made.destroy();
      else drawing = made;
    },
    destroy() {
      destroyed = true;
      unsubscribe();
      cancelAnimationFrame(frame);
      drawing?.destroy();
      drawing = null;
    },
  };
}
