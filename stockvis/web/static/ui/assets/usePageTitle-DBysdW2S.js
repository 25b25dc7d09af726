import{c as t}from"./index-Bly5eUtz.js";function e(o){t.useEffect(()=>{document.title=o?`${o} · Stock-Vis`:"Stock-Vis"},[o])}export{e as u};
