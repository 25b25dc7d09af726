import{r as t}from"./index-n7roUzQ-.js";function s(o){t.useEffect(()=>{document.title=o?`${o} · Stock-Vis`:"Stock-Vis"},[o])}export{s as u};
