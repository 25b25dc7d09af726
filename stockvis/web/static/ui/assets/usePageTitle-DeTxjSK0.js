import{c as t}from"./index-Dxdjk4Wk.js";function e(o){t.useEffect(()=>{document.title=o?`${o} · Stock-Vis`:"Stock-Vis"},[o])}export{e as u};
