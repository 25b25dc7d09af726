import{r as t}from"./index-y8VegCky.js";function s(o){t.useEffect(()=>{document.title=o?`${o} · Stock-Vis`:"Stock-Vis"},[o])}export{s as u};
