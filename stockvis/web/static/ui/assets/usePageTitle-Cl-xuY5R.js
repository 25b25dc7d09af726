import{r as t}from"./index-D8xV0eQG.js";function s(o){t.useEffect(()=>{document.title=o?`${o} · Stock-Vis`:"Stock-Vis"},[o])}export{s as u};
