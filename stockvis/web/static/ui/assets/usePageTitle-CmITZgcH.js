import{c as t}from"./index-Bo2sLBkG.js";function e(o){t.useEffect(()=>{document.title=o?`${o} · Stock-Vis`:"Stock-Vis"},[o])}export{e as u};
