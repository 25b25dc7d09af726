import{c as t}from"./index-CGV_VJIG.js";function e(o){t.useEffect(()=>{document.title=o?`${o} · Stock-Vis`:"Stock-Vis"},[o])}export{e as u};
