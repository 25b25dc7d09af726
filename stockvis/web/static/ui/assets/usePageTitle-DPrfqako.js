import{c as t}from"./index-BinEwY13.js";function e(o){t.useEffect(()=>{document.title=o?`${o} · Stock-Vis`:"Stock-Vis"},[o])}export{e as u};
